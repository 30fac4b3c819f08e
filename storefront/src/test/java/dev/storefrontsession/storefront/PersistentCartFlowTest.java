package dev.storefrontsession.storefront;

import static dev.storefrontsession.storefront.Shop.TERRARIUM;
import static dev.storefrontsession.storefront.Shop.TOWEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cart hand-over at login and logout when the store keeps carts with the customer (persistent cart
 * on).
 */
class PersistentCartFlowTest {

  static RunningStorefront app;

  @BeforeAll
  static void start() {
    app = RunningStorefront.start(true);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void logoutWhenPersistentCartOnThenCartStaysWithTheAccount() {
    ShopperClient shopper = app.shopper();
    Shop.register(shopper, "Persist-Pass-1");
    Shop.addToCart(shopper, TOWEL, 1);
    shopper.get("/logout");
    assertThat(shopper.cookies()).doesNotContainKey("authjs.session-token");
    assertThat(shopper.get("/cart").body()).contains("Your cart is empty.");
  }

  @Test
  void loginWhenNoGuestCartAndAccountHasCartThenCartRestoredMessage() {
    String password = "Restore-Pass-1";
    ShopperClient device1 = app.shopper();
    String email = Shop.register(device1, password);
    Shop.addToCart(device1, TOWEL, 2);

    ShopperClient device2 = app.shopper();
    ShopperClient.Response login = Shop.loginOk(device2, email, password);
    ShopperClient.Response landing = device2.follow(login);
    assertThat(landing.body()).contains("we’ve restored it here");
    String cart = device2.get("/cart").body();
    assertThat(cart).contains("Fog Linen Chambray Towel");
    assertThat(Shop.cartCount(cart)).isEqualTo(2);
  }

  @Test
  void loginWhenGuestCartAndAccountHasCartThenCartCombinedMessage() {
    String password = "Combine-Pass-1";
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, password);
    Shop.addToCart(shopper, TOWEL, 1);
    shopper.get("/logout");

    Shop.addToCart(shopper, TERRARIUM, 1);
    ShopperClient.Response login = Shop.loginOk(shopper, email, password);
    ShopperClient.Response landing = shopper.follow(login);
    assertThat(landing.body()).contains("we’ve added them to your current cart");
    String cart = shopper.get("/cart").body();
    assertThat(cart).contains("Fog Linen Chambray Towel", "Orbit Terrarium - Small");
    assertThat(Shop.cartCount(cart)).isEqualTo(2);
  }
}
