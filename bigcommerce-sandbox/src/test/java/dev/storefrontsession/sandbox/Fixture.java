package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Common steps of the HTTP tests. */
final class Fixture {

  static final String SHOPPER = "shopper@example.com";
  static final String SHOPPER_PASSWORD = "Shopper-Pass-1";
  static final String WHOLESALE = "wholesale@example.com";
  static final String WHOLESALE_PASSWORD = "Wholesale-Pass-1";

  /** The trusted-proxy secret the test sandboxes that check shopper IPs are started with. */
  static final String PROXY_SECRET = "test-trusted-proxy-secret";

  private Fixture() {}

  /** In-memory sandbox with cheap bcrypt and relaxed throttling, customised by {@code custom}. */
  static SandboxServer start(Consumer<SandboxSettings.Builder> custom) {
    SandboxSettings.Builder b =
        SandboxSettings.builder(Map.of())
            .inMemoryDatabase()
            .bcryptCost(4)
            .loginThrottle(1_000, java.time.Duration.ofMinutes(15));
    custom.accept(b);
    return SandboxServer.start(b.build());
  }

  static SandboxServer start() {
    return start(b -> {});
  }

  static JsonNode login(SandboxHttp http, String email, String password, String guestCart) {
    SandboxHttp.Request r =
        http.request(Documents.LOGIN)
            .variable("email", email)
            .variable("password", password)
            .validateToken();
    if (guestCart != null) {
      r.variable("cartEntityId", guestCart);
    }
    SandboxHttp.Response response = r.send();
    assertThat(response.body().has("errors")).as("login errors: %s", response.body()).isFalse();
    return response.at("/data/login");
  }

  static String cat(SandboxHttp http, String email, String password) {
    return login(http, email, password, null).at("/customerAccessToken/value").asString();
  }

  /**
   * Creates a cart with the given product ids (quantity 1 each); {@code cat} null for a guest cart.
   */
  static String createCart(SandboxHttp http, String cat, int... productIds) {
    List<Map<String, Object>> lines = new java.util.ArrayList<>();
    for (int id : productIds) {
      lines.add(Map.of("productEntityId", id, "quantity", 1));
    }
    SandboxHttp.Request r =
        http.request(Documents.CREATE_CART)
            .variable("createCartInput", Map.of("lineItems", lines))
            .validateToken();
    if (cat != null) {
      r.customer(cat);
    }
    SandboxHttp.Response response = r.send();
    assertThat(response.body().has("errors"))
        .as("createCart errors: %s", response.body())
        .isFalse();
    return response.at("/data/cart/createCart/cart/entityId").asString();
  }

  static JsonNode cart(SandboxHttp http, String cat, String cartId) {
    SandboxHttp.Request r = http.request(Documents.CART).variable("cartId", cartId).validateToken();
    if (cat != null) {
      r.customer(cat);
    }
    return r.send().at("/data/site/cart");
  }
}
