package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerLoginJwt;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in and sign-out through {@code ShopperSignIn}, with the guest cart handed over and back. */
class DefaultShopperSignInTest {

  static final String SESSION = "authjs.session-token";
  static final String ANONYMOUS = "authjs.anonymous-session-token";
  static TestShop persistent;
  static SandboxServer guestCartSandbox;
  static TestShop guestCarts;

  @BeforeAll
  static void start() {
    persistent = TestShop.start();
    guestCartSandbox = TestShop.sandbox(false);
    guestCarts = TestShop.start(guestCartSandbox);
  }

  @AfterAll
  static void stop() {
    guestCarts.close();
    guestCartSandbox.close();
    persistent.close();
  }

  @BeforeEach
  void shopperWithoutCartWhereTheStoreAllowsIt() {
    guestCarts.clearShopperCart();
  }

  private static ShopperClient.Response login(
      TestShop shop, ShopperClient browser, String email, String password) {
    return browser.post(
        "/login",
        Map.of("email", email, "password", password, "_csrf", Shopper.formToken(browser)));
  }

  private static ShopperClient.Response logout(ShopperClient browser) {
    return browser.post("/logout", Map.of("_csrf", Shopper.formToken(browser)));
  }

  private static SessionClaims session(TestShop shop, ShopperClient browser) {
    return ((DecodeResult.Decoded)
            shop.codec().decode(browser.cookie(SESSION).orElseThrow(), SESSION))
        .claims();
  }

  private static SessionClaims anonymous(TestShop shop, ShopperClient browser) {
    return ((DecodeResult.Decoded)
            shop.codec().decode(browser.cookie(ANONYMOUS).orElseThrow(), ANONYMOUS))
        .claims();
  }

  @Test
  void signInWithPasswordWhenRightThenCatalystClaimsWithTokenExpiryAndAnonymousCleared() {
    ShopperClient browser = persistent.browser();
    browser.get("/");

    ShopperClient.Response response =
        login(persistent, browser, TestShop.SHOPPER_EMAIL, TestShop.SHOPPER_PASSWORD);

    assertThat(response.body()).startsWith("success firstName=");
    assertThat(browser.cookie(ANONYMOUS)).isEmpty();
    SessionClaims claims = session(persistent, browser);
    assertThat(claims.email()).isEqualTo(TestShop.SHOPPER_EMAIL);
    assertThat(claims.sub()).isNotBlank();
    assertThat(claims.name())
        .isEqualTo(
            claims.user().orElseThrow().firstName() + " " + claims.user().orElseThrow().lastName());
    var cat = claims.user().flatMap(SessionUser::customerAccessToken).orElseThrow();
    assertThat(cat.expiresAt()).isAfter(Instant.now());
  }

  @Test
  void signInWithPasswordWhenWrongThenInvalidCredentialsAndNothingChanges() {
    ShopperClient browser = persistent.browser();
    browser.get("/");
    String anonymousBefore = browser.cookie(ANONYMOUS).orElseThrow();

    ShopperClient.Response response = login(persistent, browser, TestShop.SHOPPER_EMAIL, "nope");

    assertThat(response.body())
        .startsWith("failure INVALID_CREDENTIALS: The email address or password is incorrect.");
    assertThat(browser.cookie(SESSION)).isEmpty();
    assertThat(browser.cookie(ANONYMOUS)).contains(anonymousBefore);
  }

  @Test
  void signInWithPasswordWhenGuestCartThenPassedToStoreAndKeptInSession() {
    ShopperClient browser = guestCarts.browser();
    String guestCart = guestCarts.createGuestCart();
    Shopper.setCart(browser, guestCart);

    ShopperClient.Response response =
        login(guestCarts, browser, TestShop.SHOPPER_EMAIL, TestShop.SHOPPER_PASSWORD);

    assertThat(response.body()).contains("cart=NONE");
    assertThat(session(guestCarts, browser).user().orElseThrow().cartId()).isEqualTo(guestCart);
    assertThat(browser.get("/whoami").body()).endsWith("cart=" + guestCart);
  }

  @Test
  void signOutWhenStoreDoesNotKeepCartsThenNewAnonymousSessionHoldsTheHandedBackCart() {
    ShopperClient browser = guestCarts.browser();
    String guestCart = guestCarts.createGuestCart();
    Shopper.setCart(browser, guestCart);
    login(guestCarts, browser, TestShop.SHOPPER_EMAIL, TestShop.SHOPPER_PASSWORD);

    ShopperClient.Response response = logout(browser);

    assertThat(response.body()).isEqualTo("signed out");
    assertThat(response.setCookie(SESSION).orElseThrow()).contains("Max-Age=0");
    assertThat(anonymous(guestCarts, browser).user().orElseThrow().cartId()).isEqualTo(guestCart);
  }

  @Test
  void
      signOutWhenStoreKeepsCartsWithCustomersThenAnonymousSessionHasNoCartAndNextLoginRestoresIt() {
    ShopperClient browser = persistent.browser();
    String guestCart = persistent.createGuestCart();
    Shopper.setCart(browser, guestCart);
    login(persistent, browser, "wholesale@example.com", "Wholesale-Pass-1");

    logout(browser);

    assertThat(anonymous(persistent, browser).user().orElseThrow().cartId()).isNull();
    ShopperClient.Response again =
        login(persistent, browser, "wholesale@example.com", "Wholesale-Pass-1");
    assertThat(again.body()).contains("cart=RESTORED");
    assertThat(session(persistent, browser).user().orElseThrow().cartId()).isEqualTo(guestCart);
  }

  @Test
  void signInWhenCustomerHasACartAndShopperBringsAnotherThenCombined() {
    ShopperClient first = persistent.browser();
    Shopper.setCart(first, persistent.createGuestCart());
    login(persistent, first, TestShop.SHOPPER_EMAIL, TestShop.SHOPPER_PASSWORD);
    ShopperClient second = persistent.browser();
    String otherGuestCart = persistent.createGuestCart();
    Shopper.setCart(second, otherGuestCart);

    ShopperClient.Response response =
        login(persistent, second, TestShop.SHOPPER_EMAIL, TestShop.SHOPPER_PASSWORD);

    assertThat(response.body()).contains("cart=COMBINED");
    assertThat(session(persistent, second).user().orElseThrow().cartId())
        .isNotEqualTo(otherGuestCart);
  }

  @Test
  void signOutWhenNotSignedInThenAnonymousCartUntouched() {
    ShopperClient browser = persistent.browser();
    Shopper.setCart(browser, "guest-only-cart");

    logout(browser);

    assertThat(browser.get("/whoami").body())
        .isEqualTo("guest loggedIn=false cart=guest-only-cart");
  }

  @Test
  void signInWithCustomerLoginJwtWhenNoRedirectToThenAccountOrders() {
    ShopperClient browser = persistent.browser();
    long customerId = persistent.loginDirectly().customer().entityId();
    String jwt =
        CustomerLoginJwt.builder()
            .clientId(persistent.sandbox().settings().clientId())
            .clientSecret(persistent.sandbox().settings().clientSecret())
            .storeHash(persistent.sandbox().settings().storeHash())
            .customerId(customerId)
            .claim("unused", "x")
            .build()
            .token();

    ShopperClient.Response response =
        browser.post("/login/token", Map.of("jwt", jwt, "_csrf", Shopper.formToken(browser)));

    assertThat(response.body()).startsWith("success").endsWith("redirectTo=/account/orders");
    assertThat(browser.get("/whoami").body()).contains("loggedIn=true");
  }

  @Test
  void signInWithCustomerLoginJwtWhenReusedThenInvalidToken() {
    long customerId = persistent.loginDirectly().customer().entityId();
    String jwt =
        CustomerLoginJwt.builder()
            .clientId(persistent.sandbox().settings().clientId())
            .clientSecret(persistent.sandbox().settings().clientSecret())
            .storeHash(persistent.sandbox().settings().storeHash())
            .customerId(customerId)
            .redirectTo("/account/orders?tab=recent")
            .build()
            .token();
    ShopperClient first = persistent.browser();
    assertThat(
            first
                .post("/login/token", Map.of("jwt", jwt, "_csrf", Shopper.formToken(first)))
                .body())
        .endsWith("redirectTo=/account/orders?tab=recent");
    ShopperClient second = persistent.browser();

    ShopperClient.Response replay =
        second.post("/login/token", Map.of("jwt", jwt, "_csrf", Shopper.formToken(second)));

    assertThat(replay.body()).startsWith("failure INVALID_TOKEN");
    assertThat(second.cookie(SESSION)).isEmpty();
  }

  @Test
  void signInWithCustomerLoginJwtWhenNotAJwtThenInvalidTokenWithoutCallingTheStore() {
    ShopperClient browser = persistent.browser();

    ShopperClient.Response response =
        browser.post(
            "/login/token", Map.of("jwt", "not-a-jwt", "_csrf", Shopper.formToken(browser)));

    assertThat(response.body())
        .isEqualTo(
            "failure INVALID_TOKEN: Your login link is invalid or has expired. Please try logging in again.");
  }

  @Test
  void signOutWhenStoreNoLongerAcceptsTheTokenThenSignedOutAnywayKeepingTheSessionCart() {
    ShopperClient browser = persistent.browser();
    login(persistent, browser, TestShop.SHOPPER_EMAIL, TestShop.SHOPPER_PASSWORD);
    Shopper.setCart(browser, "cart-kept-on-failure");
    var cat =
        session(persistent, browser).user().flatMap(SessionUser::customerAccessToken).orElseThrow();
    persistent
        .client()
        .logout(
            new dev.storefrontsession.client.CustomerAccessToken(cat.value(), cat.expiresAt()),
            null,
            dev.storefrontsession.client.CustomerContext.guest());

    ShopperClient.Response response = logout(browser);

    assertThat(response.body()).isEqualTo("signed out");
    assertThat(browser.cookie(SESSION)).isEmpty();
    assertThat(anonymous(persistent, browser).user().orElseThrow().cartId())
        .isEqualTo("cart-kept-on-failure");
  }
}
