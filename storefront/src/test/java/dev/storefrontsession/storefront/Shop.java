package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import java.util.Map;
import java.util.UUID;

/** Test steps a shopper takes, over {@link ShopperClient}. */
final class Shop {

  static final String SHOPPER = "shopper@example.com";
  static final String SHOPPER_PASSWORD = "Shopper-Pass-1";
  static final String WHOLESALE = "wholesale@example.com";
  static final String WHOLESALE_PASSWORD = "Wholesale-Pass-1";

  /** Seeded product with a wholesale price: base 49.00, wholesale 39.20. */
  static final int TOWEL = 77;

  static final int TERRARIUM = 78;

  private Shop() {}

  static ShopperClient.Response addToCart(ShopperClient shopper, int productId, int quantity) {
    ShopperClient.Response page =
        shopper.submit(
            "/product/" + productId,
            "/cart/add",
            Map.of(
                "productEntityId",
                String.valueOf(productId),
                "quantity",
                String.valueOf(quantity)));
    assertThat(page.status()).as("add to cart answer").isEqualTo(302);
    assertThat(page.location()).endsWith("/cart");
    return page;
  }

  static ShopperClient.Response login(ShopperClient shopper, String email, String password) {
    return shopper.submit("/login", "/login", Map.of("email", email, "password", password));
  }

  static ShopperClient.Response loginOk(ShopperClient shopper, String email, String password) {
    ShopperClient.Response page = login(shopper, email, password);
    assertThat(page.status()).as("login answer: %s", page.body()).isEqualTo(302);
    return page;
  }

  /**
   * Registers a new customer through the register page (which signs them in); returns the email.
   */
  static String register(ShopperClient shopper, String password) {
    String email = "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    ShopperClient.Response page =
        shopper.submit(
            "/register",
            "/register",
            Map.of(
                "firstName", "Tess", "lastName", "Tester", "email", email, "password", password));
    assertThat(page.status()).as("register answer: %s", page.body()).isEqualTo(302);
    assertThat(page.location()).endsWith("/account/orders");
    return email;
  }

  /** The cart badge's number on a storefront page ({@link ShopperClient#cartCount(String)}). */
  static int cartCount(String html) {
    return ShopperClient.cartCount(html);
  }

  static int cartCount(ShopperClient shopper) {
    return cartCount(shopper.open("/cart").body());
  }
}
