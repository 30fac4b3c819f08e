package dev.storefrontsession.storefront;

import static dev.storefrontsession.storefront.Shop.TERRARIUM;
import static dev.storefrontsession.storefront.Shop.TOWEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.testing.ShopperClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journey over two locales of the demo store: English on channel 1 at {@code /} (USD, also EUR)
 * and French on channel 2 at {@code /fr} (EUR, also USD), with one cart per channel in the session
 * ({@code user.cartIds}). The sandbox does not keep carts with customers, so a signed-out shopper
 * gets the cart back.
 */
class LocalesAndCurrenciesFlowTest {

  static final String SECRET = "test-secret-for-the-storefront-flow-tests-0123456789";
  static final String SESSION = "authjs.session-token";
  static final String ANONYMOUS = "authjs.anonymous-session-token";
  static final SessionCodec CODEC = new SessionCodec(KeyRing.of(SECRET), Clock.systemUTC());
  static RunningStorefront app;

  @BeforeAll
  static void start() {
    app = RunningStorefront.start(false);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static SessionUser user(ShopperClient shopper, String cookie) {
    DecodeResult result = CODEC.decode(shopper.cookies().get(cookie), cookie);
    return ((DecodeResult.Decoded) result).claims().user().orElseThrow();
  }

  @Test
  void pagesWhenFrenchThenLinksStayUnderFrAndPricesAreInEuros() {
    ShopperClient shopper = app.shopper();

    ShopperClient.Response english = shopper.get("/product/" + TOWEL);
    ShopperClient.Response french = shopper.get("/fr/product/" + TOWEL);

    assertThat(english.body()).contains("$49.00", "href=\"/cart\"", "hreflang=\"fr\"");
    assertThat(french.status()).isEqualTo(200);
    assertThat(french.body())
        .contains(
            "45,08",
            "€",
            "href=\"/fr/cart\"",
            "action=\"/fr/cart/add\"",
            "href=\"/product/" + TOWEL + "\"")
        .doesNotContain("$49.00");
    assertThat(shopper.get("/fr").body()).contains("href=\"/fr/category/");
  }

  @Test
  void cartsWhenAddedOnEachLocaleThenEachChannelHasItsOwnCart() {
    ShopperClient shopper = app.shopper();

    Shop.addToCart(shopper, TOWEL, 1);
    ShopperClient.Response added =
        shopper.submit(
            "/fr/product/" + TERRARIUM,
            "/fr/cart/add",
            Map.of("productEntityId", String.valueOf(TERRARIUM), "quantity", "2"));

    assertThat(added.location()).endsWith("/fr/cart");
    assertThat(shopper.open("/cart").body())
        .contains("Fog Linen Chambray Towel")
        .doesNotContain("Orbit Terrarium");
    assertThat(shopper.open("/fr/cart").body())
        .contains("Orbit Terrarium")
        .doesNotContain("Fog Linen");
    SessionUser guest = user(shopper, ANONYMOUS);
    assertThat(guest.cartIds()).containsOnlyKeys("1", "2");
    assertThat(guest.cartIds().get("1")).isNotEqualTo(guest.cartIds().get("2"));
  }

  @Test
  void signInWhenOnFrenchThenOnlyTheFrenchGuestCartJoinsTheAccountAndSignOutKeepsTheEnglishCart() {
    ShopperClient shopper = app.shopper();
    Shop.addToCart(shopper, TOWEL, 1);
    shopper.submit(
        "/fr/product/" + TERRARIUM,
        "/fr/cart/add",
        Map.of("productEntityId", String.valueOf(TERRARIUM), "quantity", "1"));
    String englishCart = user(shopper, ANONYMOUS).cartIds().get("1");

    ShopperClient.Response login =
        shopper.submit(
            "/fr/login",
            "/fr/login",
            Map.of("email", Shop.SHOPPER, "password", Shop.SHOPPER_PASSWORD));

    assertThat(login.status()).as(login.body()).isEqualTo(302);
    assertThat(login.location()).endsWith("/fr/account/orders");
    SessionUser customer = user(shopper, SESSION);
    assertThat(customer.cartIds()).containsEntry("1", englishCart).containsKey("2");
    assertThat(shopper.open("/fr/cart").body()).contains("Orbit Terrarium");
    assertThat(shopper.open("/cart").body()).contains("Fog Linen Chambray Towel");

    shopper.open("/fr/logout");

    assertThat(shopper.cookies()).doesNotContainKey(SESSION);
    SessionUser guest = user(shopper, ANONYMOUS);
    assertThat(guest.cartIds()).containsEntry("1", englishCart).containsKey("2");
    assertThat(shopper.open("/cart").body()).contains("Fog Linen Chambray Towel");
    assertThat(shopper.open("/fr/cart").body()).contains("Orbit Terrarium");
  }

  @Test
  void currencySwitchWhenCartThenLinesKeptCartIdMovesAndTheChoiceSurvivesSignInAndOut() {
    ShopperClient shopper = app.shopper();
    Shop.addToCart(shopper, TOWEL, 2);
    String before = user(shopper, ANONYMOUS).cartIds().get("1");

    ShopperClient.Response switched =
        shopper.submit("/cart", "/currency", Map.of("currencyCode", "EUR", "redirectTo", "/cart"));

    assertThat(switched.location()).endsWith("/cart");
    String after = user(shopper, ANONYMOUS).cartIds().get("1");
    assertThat(after).isNotEqualTo(before);
    ShopperClient.Response cart = shopper.open("/cart");
    assertThat(cart.body()).contains("Fog Linen Chambray Towel", "90,16").doesNotContain("$98.00");
    assertThat(Shop.cartCount(cart.body())).isEqualTo(2);
    assertThat(shopper.open("/product/" + TOWEL).body()).contains("45,08").doesNotContain("$49.00");

    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    assertThat(shopper.open("/product/" + TOWEL).body()).contains("45,08");
    shopper.open("/logout");
    assertThat(shopper.open("/product/" + TOWEL).body()).contains("45,08");
    shopper.submit("/", "/currency", Map.of("currencyCode", "USD", "redirectTo", "/"));
    assertThat(shopper.open("/product/" + TOWEL).body()).contains("$49.00");
  }

  @Test
  void currencySwitchWhenCurrencyNotOfferedThenNothingChanges() {
    ShopperClient shopper = app.shopper();
    Shop.addToCart(shopper, TOWEL, 1);
    String before = user(shopper, ANONYMOUS).cartIds().get("1");

    ShopperClient.Response answer =
        shopper.submit("/cart", "/currency", Map.of("currencyCode", "GBP"));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(user(shopper, ANONYMOUS).cartIds().get("1")).isEqualTo(before);
    assertThat(shopper.cookies()).doesNotContainKey("preferred-currency");
  }

  @Test
  void legacyCartIdWhenSessionHasOnlyItThenTheFirstChannelTakesItAndTheOtherHasNone() {
    ShopperClient owner = app.shopper();
    Shop.addToCart(owner, TOWEL, 1);
    String cartId = user(owner, ANONYMOUS).cartIds().get("1");
    ShopperClient shopper = app.shopper();
    // the layout of sessions written before channels (Catalyst's user.cartId alone)
    shopper
        .cookies()
        .put(
            ANONYMOUS,
            CODEC.encode(SessionClaims.anonymous(cartId), ANONYMOUS, Duration.ofDays(7)));

    assertThat(shopper.open("/cart").body()).contains("Fog Linen Chambray Towel");
    assertThat(user(shopper, ANONYMOUS).cartIds()).containsExactly(Map.entry("1", cartId));
    assertThat(shopper.open("/fr/cart").body()).doesNotContain("Fog Linen Chambray Towel");
    assertThat(Shop.cartCount(shopper.open("/fr").body())).isZero();
  }

  /** The {@code href} of the element {@code id} in a checkout page. */
  private static String link(String html, String id) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("link %s in %s", id, html).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  @Test
  void checkoutWhenGuestOnFrenchThenTheStoresLinksAndTheConfirmationStayInFrench() {
    ShopperClient shopper = app.shopper();
    String site = "http://localhost:" + app.baseUri().getPort();
    shopper.submit(
        "/fr/product/" + TOWEL,
        "/fr/cart/add",
        Map.of("productEntityId", String.valueOf(TOWEL), "quantity", "1"));

    ShopperClient.Response handoff = shopper.submit("/fr/cart", "/fr/checkout", Map.of());
    assertThat(handoff.status()).as(handoff.body()).isEqualTo(303);
    SandboxCheckoutPage checkout = SandboxCheckoutPage.open(handoff.location());
    assertThat(link(checkout.body(), "sign-in")).isEqualTo(site + "/fr/login?redirectTo=/checkout");
    assertThat(link(checkout.body(), "back-to-cart")).isEqualTo(site + "/fr/cart");
    SandboxCheckoutPage placed = checkout.placeOrder("fr-guest@example.com", null);
    int order = placed.orderNumber();

    java.net.URI back = placed.returnUrl();
    assertThat(back.toString()).startsWith(site + "/");
    assertThat(back.getRawPath()).isEqualTo("/fr/checkout/order-confirmation");
    ShopperClient.Response confirmation = shopper.get(back.getRawPath() + "?" + back.getRawQuery());
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.body()).contains("#" + order, "href=\"/fr/cart\"", "45,08");
    assertThat(confirmation.setCookies("checkout-order"))
        .as("a reload of the French page still finds the order")
        .singleElement()
        .asString()
        .contains("Path=/fr/checkout/order-confirmation");
    assertThat(shopper.get(back.getRawPath() + "?" + back.getRawQuery()).status()).isEqualTo(200);
  }

  @Test
  void checkoutWhenSignedInOnFrenchThenBackToTheFrenchConfirmationAndFrenchAccount() {
    ShopperClient shopper = app.shopper();
    ShopperClient.Response login =
        shopper.submit(
            "/fr/login",
            "/fr/login",
            Map.of("email", Shop.SHOPPER, "password", Shop.SHOPPER_PASSWORD));
    assertThat(login.status()).as(login.body()).isEqualTo(302);
    shopper.submit(
        "/fr/product/" + TERRARIUM,
        "/fr/cart/add",
        Map.of("productEntityId", String.valueOf(TERRARIUM), "quantity", "1"));

    ShopperClient.Response handoff = shopper.submit("/fr/cart", "/fr/checkout", Map.of());
    SandboxCheckoutPage checkout = SandboxCheckoutPage.open(handoff.location());
    assertThat(link(checkout.body(), "sign-out"))
        .isEqualTo(
            "http://localhost:" + app.baseUri().getPort() + "/fr/logout?redirectTo=/checkout");
    SandboxCheckoutPage placed = checkout.placeOrder(null, "1");
    int order = placed.orderNumber();

    java.net.URI back = placed.returnUrl();
    assertThat(back.getRawPath()).isEqualTo("/fr/checkout/order-confirmation");
    ShopperClient.Response confirmation = shopper.get(back.getRawPath() + "?" + back.getRawQuery());
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.body())
        .contains("#" + order, "href=\"/fr/account/orders/" + order + "\"");
    assertThat(shopper.get("/fr/account/orders/" + order).body()).contains("Orbit Terrarium");
    assertThat(Shop.cartCount(shopper.open("/fr/cart").body())).isZero();
  }

  @Test
  void accountPageWhenGuestOnFrenchThenSignInPageInFrenchAndBackToTheFrenchAccount() {
    ShopperClient shopper = app.shopper();

    ShopperClient.Response guarded = shopper.get("/fr/account/orders");

    assertThat(guarded.status()).isEqualTo(302);
    assertThat(guarded.location()).endsWith("/fr/login?redirectTo=%2Faccount%2Forders");
    ShopperClient.Response login =
        shopper.submit(
            guarded.location(),
            "/fr/login",
            Map.of(
                "email",
                Shop.SHOPPER,
                "password",
                Shop.SHOPPER_PASSWORD,
                "redirectTo",
                "/account/orders"));
    assertThat(login.location()).endsWith("/fr/account/orders");
  }

  @Test
  void
      accountPageWhenTheStoreRejectsTheTokenOnFrenchThenSignedOutToTheFrenchSignInPageWithTheCartsKept() {
    ShopperClient shopper = app.shopper();
    shopper.submit(
        "/fr/product/" + TERRARIUM,
        "/fr/cart/add",
        Map.of("productEntityId", String.valueOf(TERRARIUM), "quantity", "1"));
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    SessionUser signedIn = user(shopper, SESSION);
    // the token stops working upstream (revoked by a logout elsewhere)
    app.context()
        .getBean(dev.storefrontsession.client.StorefrontClient.class)
        .logout(
            new dev.storefrontsession.client.CustomerAccessToken(
                signedIn.customerAccessToken().orElseThrow().value(), null),
            null,
            dev.storefrontsession.client.CustomerContext.guest());

    ShopperClient.Response page = shopper.get("/fr/account/orders");

    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/fr/login");
    assertThat(shopper.cookies()).doesNotContainKey(SESSION);
    assertThat(user(shopper, ANONYMOUS).cartIds()).isEqualTo(signedIn.cartIds());
  }
}
