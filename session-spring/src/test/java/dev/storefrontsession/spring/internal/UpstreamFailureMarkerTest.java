package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store failure the page handles itself (status 200) still keeps the session cookie from rolling.
 */
class UpstreamFailureMarkerTest {

  static final String SESSION = "authjs.session-token";
  static TestShop shop;

  @BeforeAll
  static void start() {
    shop = TestShop.start("storefront.session.update-age=0s");
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void pageWhenStoreFailureHandledWithStatus200ThenSessionNotReissued() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);

    ShopperClient.Response response = browser.get("/upstream-handled");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("store unavailable");
    assertThat(response.setsCookieStartingWith(SESSION)).isFalse();
  }

  @Test
  void pageWhenStoreAnswersThenSessionReissuedAsUpdateAgeZeroAsks() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);

    ShopperClient.Response response = browser.get("/whoami");

    assertThat(response.setCookie(SESSION)).isPresent();
  }
}
