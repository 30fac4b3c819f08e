package dev.storefrontsession.storefront;

import static dev.storefrontsession.storefront.Shop.TOWEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An upstream outage: the sandbox stops under a signed-in shopper with a cart. Pages answer with a
 * clear error or a degraded page and a gateway status, and nothing about the session or the cart is
 * cleared.
 */
class StoreOutageTest {

  static RunningStorefront app;
  static ShopperClient shopper;
  static Map<String, String> cookiesBefore;

  @BeforeAll
  static void startThenStopTheStore() throws Exception {
    app = RunningStorefront.start(false);
    shopper = app.shopper();
    Shop.addToCart(shopper, TOWEL, 1);
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    cookiesBefore = new HashMap<>(shopper.cookies());
    app.sandbox().server().close();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void probesWhenStoreDownThenNotReadyButAlive() {
    ShopperClient prober = ShopperClient.behindProxy(app.baseUri());
    ShopperClient.Response ready = prober.get("/readyz");
    assertThat(ready.status()).as(ready.body()).isEqualTo(503);
    assertThat(ready.body())
        .contains("\"status\":\"DOWN\"")
        .doesNotContain("Exception", "127.0.0.1");
    assertThat(prober.get("/livez").status()).isEqualTo(200);
    assertThat(prober.cookies()).isEmpty();
  }

  @Test
  void homeWhenStoreDownThenDegradedPageWithServiceUnavailable() {
    ShopperClient.Response page = shopper.get("/");
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.body())
        .contains("The catalog is unavailable right now")
        .doesNotContain("Exception", "at dev.");
    assertSessionUntouched(page);
  }

  @Test
  void accountWhenStoreDownThenErrorPageAndSessionKept() {
    ShopperClient.Response page = shopper.get("/account/orders");
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.body())
        .contains("The store is unavailable right now", "data-test=\"account-link\"")
        .doesNotContain("Exception", "at dev.");
    assertSessionUntouched(page);
  }

  @Test
  void checkoutWhenStoreDownThenErrorPageAndSessionAndCartKept() {
    ShopperClient.Response page = shopper.get("/checkout");
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.body())
        .contains("The store is unavailable right now")
        .doesNotContain("Exception", "at dev.");
    assertThat(page.location()).isNull();
    assertSessionUntouched(page);
  }

  @Test
  void cartWhenStoreDownThenErrorPageAndCartIdKept() {
    ShopperClient.Response page = shopper.get("/cart");
    assertThat(page.status()).isEqualTo(503);
    assertSessionUntouched(page);
  }

  private static void assertSessionUntouched(ShopperClient.Response page) {
    assertThat(page.setCookies())
        .noneMatch(
            c ->
                c.startsWith("authjs.session-token")
                    || c.startsWith("authjs.anonymous-session-token"));
    assertThat(shopper.cookies().get("authjs.session-token"))
        .isEqualTo(cookiesBefore.get("authjs.session-token"));
  }
}
