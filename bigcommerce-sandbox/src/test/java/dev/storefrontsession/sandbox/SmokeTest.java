package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void loginWhenDemoCustomerThenToken() {
    try (SandboxServer s = SandboxServer.start(SandboxSettings.builder().inMemoryDatabase().bcryptCost(4).build())) {
      SandboxHttp http = new SandboxHttp(s);
      var r = http.request("mutation { login(email: \"shopper@example.com\", password: \"Shopper-Pass-1\") { result customer { entityId firstName } customerAccessToken { value expiresAt } } }").send();
      System.out.println(r.body());
      var p = http.request("{ site { products(first: 3) { edges { node { entityId name prices { price { value currencyCode formattedV2 } basePrice { value } salePrice { value } priceRange { min { value } max { value } } } } } } } }").send();
      System.out.println(p.body());
      assertThat(r.status()).isEqualTo(200);
    }
  }
}
