package dev.storefrontsession.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerLogin;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.testing.AuthJsCore;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Interop with the real {@code @auth/core} 0.41.3: cookies our endpoints set are read by Auth.js
 * with the same secret, and cookies Auth.js mints in Catalyst's claim shape sign the shopper in
 * here.
 */
class AuthJsInteropTest {

  static final String SESSION = "authjs.session-token";
  static final String ANONYMOUS = "authjs.anonymous-session-token";
  static AuthJsCore authJs;
  static SandboxServer sandbox;
  static TestShop shop;
  static TestShop https;

  @BeforeAll
  static void start() {
    authJs = AuthJsCore.locate();
    sandbox = TestShop.sandbox(true);
    shop = TestShop.start(sandbox);
    https = TestShop.start(sandbox, "AUTH_URL=https://shop.example.com");
  }

  @AfterAll
  static void stop() {
    https.close();
    shop.close();
    sandbox.close();
  }

  /**
   * Catalyst's session claims: the token as {@code authorize} + {@code jwt} callback produce it (no
   * CAT expiry).
   */
  private static Map<String, Object> catalystClaims(CustomerLogin login, String cartId) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("customerAccessToken", login.accessToken().value());
    user.put("cartId", cartId);
    user.put("firstName", login.customer().firstName());
    user.put("lastName", login.customer().lastName());
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("name", login.customer().firstName() + " " + login.customer().lastName());
    claims.put("email", login.customer().email());
    claims.put("sub", "5d8c4f1e-4a1b-4f59-9a57-2b1e3f0c9d11");
    claims.put("user", user);
    return claims;
  }

  @Test
  void sessionCookieWhenSetBySignInThenAuthJsDecodesItWithTheSameSecret() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);

    JsonNode decoded =
        authJs.decode(browser.cookie(SESSION).orElseThrow(), TestShop.SECRET, SESSION);

    assertThat(decoded.path("ok").asBoolean()).isTrue();
    JsonNode claims = decoded.path("value");
    assertThat(claims.path("email").asString()).isEqualTo(TestShop.SHOPPER_EMAIL);
    assertThat(claims.path("user").path("customerAccessToken").asString()).isNotBlank();
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong())
        .isEqualTo(30L * 24 * 3600);
    assertThat(claims.path("jti").asString()).matches("[0-9a-f-]{36}");
  }

  @Test
  void anonymousCookieWhenSetOnFirstVisitThenAuthJsDecodesCatalystsShape() {
    ShopperClient browser = shop.browser();
    browser.get("/");

    JsonNode decoded =
        authJs.decode(browser.cookie(ANONYMOUS).orElseThrow(), TestShop.SECRET, ANONYMOUS);

    assertThat(decoded.path("value").path("user").has("cartId")).isTrue();
    assertThat(decoded.path("value").path("user").path("cartId").isNull()).isTrue();
  }

  @Test
  void sessionCookieWhenReadWithAnotherSecretThenAuthJsRejectsIt() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);

    JsonNode decoded =
        authJs.decode(browser.cookie(SESSION).orElseThrow(), "some-other-secret-entirely", SESSION);

    assertThat(decoded.path("ok").asBoolean()).isFalse();
  }

  @Test
  void cookieMintedByAuthJsInCatalystShapeWhenSentThenSignedInWithAWorkingToken() {
    CustomerLogin login = shop.loginDirectly();
    String token =
        authJs.encode(catalystClaims(login, null), TestShop.SECRET, SESSION, 30L * 24 * 3600);
    ShopperClient browser = shop.browser().setCookie(SESSION, token);

    assertThat(browser.get("/whoami").body())
        .isEqualTo("session:" + TestShop.SHOPPER_EMAIL + " loggedIn=true cart=none");
    assertThat(browser.get("/account/orders").status()).isEqualTo(200);
    assertThat(browser.get("/customer").body()).isEqualTo("customer:" + TestShop.SHOPPER_EMAIL);
    JsonNode session = Shopper.json(browser.get("/api/auth/session").body());
    assertThat(session.path("user").path("firstName").asString())
        .isEqualTo(login.customer().firstName());
  }

  @Test
  void cookieMintedByAuthJsWhenSecureNameThenSignedInOverHttps() {
    CustomerLogin login = shop.loginDirectly();
    String name = "__Secure-authjs.session-token";
    String token =
        authJs.encode(catalystClaims(login, "cart-from-catalyst"), TestShop.SECRET, name, 3600);
    ShopperClient browser = https.browser().setCookie(name, token);

    assertThat(browser.get("/whoami").body())
        .isEqualTo("session:" + TestShop.SHOPPER_EMAIL + " loggedIn=true cart=cart-from-catalyst");
  }

  @Test
  void cookieMintedByAuthJsWithUnprefixedSaltWhenSentUnderSecureNameThenRejected() {
    CustomerLogin login = shop.loginDirectly();
    String token = authJs.encode(catalystClaims(login, null), TestShop.SECRET, SESSION, 3600);
    ShopperClient browser = https.browser().setCookie("__Secure-authjs.session-token", token);

    assertThat(browser.get("/whoami").body()).startsWith("guest");
  }

  @Test
  void anonymousCookieMintedByAuthJsWhenSentThenItsCartIsUsed() {
    Map<String, Object> claims = new HashMap<>();
    claims.put("user", Map.of("cartId", "guest-cart-from-catalyst"));
    String token = authJs.encode(claims, TestShop.SECRET, ANONYMOUS, 3600);
    ShopperClient browser = shop.browser().setCookie(ANONYMOUS, token);

    assertThat(browser.get("/whoami").body())
        .isEqualTo("guest loggedIn=false cart=guest-cart-from-catalyst");
  }

  // ---- carts per channel (user.cartIds), the test app's locale fr = channel 2
  // --------------------------------------

  @Test
  void
      cookieMintedByAuthJsWithCartIdsWhenReadOnEachChannelThenEachGetsItsCartAndTheSessionShowsTheMap() {
    CustomerLogin login = shop.loginDirectly();
    Map<String, Object> claims = catalystClaims(login, "cart-fr");
    @SuppressWarnings("unchecked")
    Map<String, Object> user = (Map<String, Object>) claims.get("user");
    user.put("cartIds", Map.of("1", "cart-en", "2", "cart-fr"));
    ShopperClient browser =
        shop.browser().setCookie(SESSION, authJs.encode(claims, TestShop.SECRET, SESSION, 3600));

    assertThat(browser.get("/whoami").body()).endsWith("loggedIn=true cart=cart-en");
    ShopperClient.Response french = browser.setCookie("test-locale", "fr").get("/whoami");
    assertThat(french.body()).endsWith("loggedIn=true cart=cart-fr");
    assertThat(french.setCookie(SESSION)).as("nothing to store").isEmpty();
    JsonNode session = Shopper.json(browser.get("/api/auth/session").body());
    assertThat(session.path("user").path("cartIds").path("2").asString()).isEqualTo("cart-fr");
  }

  @Test
  void
      cookieMintedByAuthJsWithOnlyLegacyCartIdWhenReadThenThatChannelTakesItAndAuthJsReadsTheStoredMap() {
    CustomerLogin login = shop.loginDirectly();
    Map<String, Object> claims = catalystClaims(login, "legacy-cart");
    ShopperClient browser =
        shop.browser()
            .setCookie("test-locale", "fr")
            .setCookie(SESSION, authJs.encode(claims, TestShop.SECRET, SESSION, 3600));

    assertThat(browser.get("/whoami").body()).endsWith("loggedIn=true cart=legacy-cart");

    JsonNode decoded =
        authJs
            .decode(browser.cookie(SESSION).orElseThrow(), TestShop.SECRET, SESSION)
            .path("value");
    JsonNode user = decoded.path("user");
    assertThat(user.path("cartId").asString()).isEqualTo("legacy-cart");
    assertThat(user.path("cartIds").properties()).hasSize(1);
    assertThat(user.path("cartIds").path("2").asString()).isEqualTo("legacy-cart");
    assertThat(user.path("customerAccessToken").asString()).isEqualTo(login.accessToken().value());
    assertThat(user.path("firstName").asString()).isEqualTo(login.customer().firstName());
    assertThat(decoded.path("email").asString()).isEqualTo(TestShop.SHOPPER_EMAIL);
    assertThat(decoded.path("sub").asString()).isEqualTo(claims.get("sub"));
    assertThat(browser.removeCookie("test-locale").get("/whoami").body())
        .endsWith("loggedIn=true cart=none");
  }

  @Test
  void cookiesWrittenHereWithCartsOnTwoChannelsWhenReadByAuthJsThenTheMapAndEveryClaimAreIntact() {
    ShopperClient browser = shop.browser();
    Shopper.setCart(browser, "cart-en");
    Shopper.setCart(browser.setCookie("test-locale", "fr"), "cart-fr");

    JsonNode guest =
        authJs.decode(browser.cookie(ANONYMOUS).orElseThrow(), TestShop.SECRET, ANONYMOUS);
    assertThat(guest.path("ok").asBoolean()).isTrue();
    assertThat(guest.path("value").path("user").toString())
        .isEqualTo("{\"cartId\":\"cart-fr\",\"cartIds\":{\"1\":\"cart-en\",\"2\":\"cart-fr\"}}");

    Shopper.signIn(browser);

    JsonNode customer =
        authJs.decode(browser.cookie(SESSION).orElseThrow(), TestShop.SECRET, SESSION);
    assertThat(customer.path("ok").asBoolean()).isTrue();
    JsonNode user = customer.path("value").path("user");
    assertThat(user.path("customerAccessToken").asString()).isNotBlank();
    assertThat(user.path("cartIds").path("1").asString()).isEqualTo("cart-en");
    assertThat(user.path("cartIds").has("2")).isEqualTo(!user.path("cartId").isNull());
    assertThat(customer.path("value").path("email").asString()).isEqualTo(TestShop.SHOPPER_EMAIL);
  }
}
