package dev.storefrontsession.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.CustomerLoginJwt;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.testapp.TestShopApplication;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One cart per channel in Catalyst's layout ({@code user.cartIds}, legacy {@code user.cartId})
 * through session-spring: cart reads and writes, sign-in and sign-out on the request's channel. The
 * test app maps the locale {@code fr} (chosen with the {@code test-locale} cookie) to channel 2;
 * every other request is on channel 1. The sandbox does not keep carts with customers, so sign-out
 * hands the cart back.
 */
class ChannelCartsSessionTest {

  static final String SESSION = "authjs.session-token";
  static final String ANONYMOUS = "authjs.anonymous-session-token";
  static final String FRENCH = Long.toString(TestShopApplication.FRENCH_CHANNEL);
  static SandboxServer sandbox;
  static TestShop shop;

  @BeforeAll
  static void start() {
    sandbox = TestShop.sandbox(false);
    shop = TestShop.start(sandbox);
  }

  @AfterAll
  static void stop() {
    shop.close();
    sandbox.close();
  }

  private static SessionUser user(ShopperClient browser, String cookie) {
    DecodeResult result = shop.codec().decode(browser.cookie(cookie).orElseThrow(), cookie);
    return ((DecodeResult.Decoded) result).claims().user().orElseThrow();
  }

  private static ShopperClient french(ShopperClient browser) {
    return browser.setCookie("test-locale", "fr");
  }

  private static ShopperClient english(ShopperClient browser) {
    return browser.removeCookie("test-locale");
  }

  /**
   * True when a guest can read the cart (a cart assigned to a customer is not found for a guest).
   */
  private static boolean guestSees(String cartId, long channelId) {
    return !shop.client()
        .execute(
            dev.storefrontsession.client.GraphQLRequest.builder(
                    "query Cart($id: String) { site { cart(entityId: $id) { entityId } } }")
                .variables(Map.of("id", cartId))
                .context(CustomerContext.guest())
                .channelId(channelId)
                .build())
        .data()
        .path("site")
        .path("cart")
        .isNull();
  }

  @Test
  void setCartIdWhenOnTwoChannelsThenEachHasItsOwnCartInCatalystsMap() {
    ShopperClient browser = shop.browser();
    browser.get("/");

    Shopper.setCart(browser, "cart-en");
    Shopper.setCart(french(browser), "cart-fr");

    assertThat(browser.get("/whoami").body()).endsWith("cart=cart-fr");
    assertThat(english(browser).get("/whoami").body()).endsWith("cart=cart-en");
    SessionUser user = user(browser, ANONYMOUS);
    assertThat(user.cartIds())
        .containsExactly(Map.entry("1", "cart-en"), Map.entry(FRENCH, "cart-fr"));
    assertThat(user.cartId()).isEqualTo("cart-fr");
  }

  @Test
  void principalCartIdWhenSignedInOnTwoChannelsThenTheCartOfTheRequestsChannelNotTheLegacyClaim() {
    shop.clearShopperCart();
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    Shopper.setCart(browser, "cart-en");
    Shopper.setCart(french(browser), "cart-fr");
    // Catalyst's layout: the legacy claim holds the cart assigned last, the French one
    assertThat(user(browser, SESSION).cartId()).isEqualTo("cart-fr");

    assertThat(english(browser).get("/principal/cart").body()).isEqualTo("cart=cart-en");
    assertThat(english(browser).get("/whoami").body()).endsWith("cart=cart-en");
    assertThat(french(browser).get("/principal/cart").body()).isEqualTo("cart=cart-fr");
    Shopper.setCart(english(browser), null);
    assertThat(english(browser).get("/principal/cart").body())
        .as("a removed cart is not revived from the legacy claim")
        .isEqualTo("cart=none");
  }

  @Test
  void
      principalCartIdWhenSignedInSessionHasOnlyTheLegacyCartThenTheFirstChannelTakesItAndStoresIt() {
    shop.clearShopperCart();
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    DecodeResult decoded = shop.codec().decode(browser.cookie(SESSION).orElseThrow(), SESSION);
    SessionClaims claims = ((DecodeResult.Decoded) decoded).claims();
    SessionClaims legacy =
        claims.toBuilder()
            .user(
                claims.user().orElseThrow().toBuilder()
                    .carts(new dev.storefrontsession.core.ChannelCarts("legacy-cart", null))
                    .build())
            .build();
    browser.setCookie(SESSION, shop.codec().encode(legacy, SESSION));

    ShopperClient.Response first = french(browser).get("/principal/cart");

    assertThat(first.body()).isEqualTo("cart=legacy-cart");
    assertThat(first.setCookie(SESSION)).as("the migration is stored").isPresent();
    assertThat(user(browser, SESSION).cartIds()).containsExactly(Map.entry(FRENCH, "legacy-cart"));
    assertThat(english(browser).get("/principal/cart").body()).isEqualTo("cart=none");
  }

  @Test
  void cartIdWhenSessionHasOnlyLegacyCartThenFirstChannelTakesItOnceAndAnotherHasNone() {
    String legacy =
        shop.codec()
            .encode(
                SessionClaims.anonymous("legacy-cart"), ANONYMOUS, java.time.Duration.ofDays(7));
    ShopperClient browser = french(shop.browser()).setCookie(ANONYMOUS, legacy);

    ShopperClient.Response first = browser.get("/whoami");

    assertThat(first.body()).endsWith("cart=legacy-cart");
    assertThat(first.setCookie(ANONYMOUS)).isPresent();
    assertThat(user(browser, ANONYMOUS).cartIds())
        .containsExactly(Map.entry(FRENCH, "legacy-cart"));
    assertThat(english(browser).get("/whoami").body()).endsWith("cart=none");
    assertThat(browser.get("/whoami").setCookie(ANONYMOUS)).as("stored once").isEmpty();
  }

  @Test
  void setCartIdWhenNullThenOnlyThatChannelLosesItsCartAndTheLegacyCartIsNotRevived() {
    String legacy =
        shop.codec()
            .encode(
                SessionClaims.anonymous("legacy-cart"), ANONYMOUS, java.time.Duration.ofDays(7));
    ShopperClient browser = shop.browser().setCookie(ANONYMOUS, legacy);

    Shopper.setCart(browser, null);

    SessionUser user = user(browser, ANONYMOUS);
    assertThat(user.cartIds()).isEmpty();
    assertThat(user.hasCartId()).isTrue();
    assertThat(user.cartId()).isNull();
    assertThat(french(browser).get("/whoami").body()).endsWith("cart=none");

    Shopper.setCart(browser, "cart-fr");
    Shopper.setCart(english(browser), "cart-en");
    Shopper.setCart(french(browser), null);
    assertThat(user(browser, ANONYMOUS).cartIds()).containsExactly(Map.entry("1", "cart-en"));
    assertThat(english(browser).get("/whoami").body()).endsWith("cart=cart-en");
  }

  @Test
  void signInWhenOnFrenchChannelThenOnlyItsGuestCartGoesToTheStoreAndTheOtherChannelKeepsItsCart() {
    shop.clearShopperCart();
    String english = shop.createGuestCart(1);
    String frenchCart = shop.createGuestCart(TestShopApplication.FRENCH_CHANNEL);
    ShopperClient browser = shop.browser();
    Shopper.setCart(browser, english);
    Shopper.setCart(french(browser), frenchCart);

    Shopper.signIn(browser);

    // the French guest cart is assigned to the customer, or merged into their French cart from an
    // earlier test
    SessionUser user = user(browser, SESSION);
    String accountCart = user.cartIds().get(FRENCH);
    assertThat(user.customerAccessToken()).isPresent();
    assertThat(user.cartIds()).containsOnlyKeys("1", FRENCH).containsEntry("1", english);
    assertThat(user.cartId()).isEqualTo(accountCart);
    assertThat(guestSees(frenchCart, TestShopApplication.FRENCH_CHANNEL))
        .as("now the customer's")
        .isFalse();
    assertThat(guestSees(english, 1)).as("never sent to the store's login").isTrue();
    assertThat(browser.get("/whoami").body()).endsWith("loggedIn=true cart=" + accountCart);
    assertThat(english(browser).get("/whoami").body()).endsWith("loggedIn=true cart=" + english);

    Map<String, String> form = Map.of("_csrf", Shopper.formToken(french(browser)));
    browser.post("/logout", form);

    SessionUser guest = user(browser, ANONYMOUS);
    assertThat(browser.cookie(SESSION)).isEmpty();
    assertThat(guest.cartIds())
        .containsExactly(Map.entry("1", english), Map.entry(FRENCH, accountCart));
    assertThat(guestSees(accountCart, TestShopApplication.FRENCH_CHANNEL))
        .as("handed back by logout")
        .isTrue();
  }

  @Test
  void signInWhenNoGuestCartOnThisChannelThenTheStoreGetsNoneAndTheOtherChannelKeepsItsCart() {
    shop.clearShopperCart();
    String english = shop.createGuestCart(1);
    ShopperClient browser = shop.browser();
    Shopper.setCart(browser, english);

    Shopper.signIn(french(browser));

    SessionUser user = user(browser, SESSION);
    assertThat(user.cartIds()).containsExactly(Map.entry("1", english));
    assertThat(user.cartId()).isNull();
    assertThat(guestSees(english, 1)).isTrue();
    assertThat(browser.get("/whoami").body()).endsWith("loggedIn=true cart=none");
  }

  @Test
  void
      signInWithCustomerLoginJwtWhenItNamesTheFrenchChannelThenThatChannelsGuestCartGoesAlongAndGetsTheResult() {
    String english = shop.createGuestCart(1);
    String frenchCart = shop.createGuestCart(TestShopApplication.FRENCH_CHANNEL);
    ShopperClient browser = shop.browser();
    Shopper.setCart(browser, english);
    Shopper.setCart(french(browser), frenchCart);
    english(browser);
    String jwt =
        CustomerLoginJwt.builder()
            .clientId(sandbox.settings().clientId())
            .clientSecret(sandbox.settings().clientSecret())
            .storeHash(sandbox.settings().storeHash())
            .customerId(2)
            .channelId(TestShopApplication.FRENCH_CHANNEL)
            .build()
            .token();

    ShopperClient.Response response =
        browser.post("/login/token", Map.of("jwt", jwt, "_csrf", Shopper.formToken(browser)));

    assertThat(response.body()).startsWith("success");
    SessionUser user = user(browser, SESSION);
    assertThat(user.cartIds()).containsEntry("1", english).containsKey(FRENCH);
    assertThat(guestSees(english, 1)).as("the English guest cart is not merged").isTrue();
    assertThat(guestSees(frenchCart, TestShopApplication.FRENCH_CHANNEL))
        .as("the French one is")
        .isFalse();
    assertThat(french(browser).get("/whoami").body())
        .endsWith("loggedIn=true cart=" + user.cartIds().get(FRENCH));
  }

  @Test
  void passwordCallbackWhenCatalystSendsChannelIdThenThatChannelsGuestCartJoinsTheAccount() {
    shop.clearShopperCart();
    String english = shop.createGuestCart(1);
    String frenchCart = shop.createGuestCart(TestShopApplication.FRENCH_CHANNEL);
    ShopperClient browser = shop.browser();
    Shopper.setCart(browser, english);
    Shopper.setCart(french(browser), frenchCart);
    english(browser);

    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("email", TestShop.SHOPPER_EMAIL);
    form.put("password", TestShop.SHOPPER_PASSWORD);
    form.put("channelId", FRENCH);
    form.put("csrfToken", Shopper.csrf(browser));
    browser.post("/api/auth/callback/password", form);

    SessionUser user = user(browser, SESSION);
    assertThat(user.cartIds()).containsOnlyKeys("1", FRENCH).containsEntry("1", english);
    assertThat(guestSees(frenchCart, TestShopApplication.FRENCH_CHANNEL))
        .as("joined the account on channel 2")
        .isFalse();
    assertThat(guestSees(english, 1)).isTrue();
  }
}
