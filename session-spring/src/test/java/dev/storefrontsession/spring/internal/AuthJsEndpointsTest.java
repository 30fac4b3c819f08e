package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerLoginJwt;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code /api/auth/*} endpoints: shapes, status codes, headers, redirects and CSRF, as Auth.js
 * answers.
 */
class AuthJsEndpointsTest {

  static final String SESSION = "authjs.session-token";
  static final String ANONYMOUS = "authjs.anonymous-session-token";
  static final String CSRF = "authjs.csrf-token";
  static SandboxServer sandbox;
  static TestShop shop;
  static TestShop exposing;

  @BeforeAll
  static void start() {
    sandbox = TestShop.sandbox(false);
    shop = TestShop.start(sandbox);
    exposing = TestShop.start(sandbox, "storefront.session.expose-customer-access-token=true");
  }

  @AfterAll
  static void stop() {
    exposing.close();
    shop.close();
    sandbox.close();
  }

  @BeforeEach
  void shopperWithoutCart() {
    shop.clearShopperCart();
  }

  private static void assertNoCache(ShopperClient.Response response) {
    assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(response.header("Cache-Control")).contains("private, no-cache, no-store");
    assertThat(response.header("Expires")).contains("0");
    assertThat(response.header("Pragma")).contains("no-cache");
  }

  private static Map<String, String> credentials(String csrfToken, String password) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", TestShop.SHOPPER_EMAIL);
    form.put("password", password);
    form.put("csrfToken", csrfToken);
    form.put("callbackUrl", "/account/orders");
    return form;
  }

  @Test
  void csrfWhenNoCookieThenTokenAndCookieTokenBarHashWithNoCacheHeaders() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response = browser.get("/api/auth/csrf");

    assertThat(response.status()).isEqualTo(200);
    assertNoCache(response);
    String token = Shopper.json(response.body()).path("csrfToken").asString();
    assertThat(token).matches("[0-9a-f]{64}");
    String header = response.setCookie(CSRF).orElseThrow();
    assertThat(header)
        .startsWith(CSRF + "=" + token + "%7C")
        .contains("; Path=/", "; HttpOnly", "; SameSite=Lax")
        .doesNotContain("Expires", "Max-Age");
    assertThat(Shopper.json(browser.get("/api/auth/csrf").body()).path("csrfToken").asString())
        .isEqualTo(token);
  }

  @Test
  void providersWhenAskedThenPasswordAndJwtCredentialsProviders() {
    ShopperClient.Response response = shop.browser().get("/api/auth/providers");

    JsonNode providers = Shopper.json(response.body());
    assertThat(response.status()).isEqualTo(200);
    assertThat(providers.propertyNames()).containsExactly("password", "jwt");
    JsonNode password = providers.path("password");
    assertThat(password.path("id").asString()).isEqualTo("password");
    assertThat(password.path("name").asString()).isEqualTo("Credentials");
    assertThat(password.path("type").asString()).isEqualTo("credentials");
    assertThat(password.path("signinUrl").asString())
        .isEqualTo(shop.origin() + "/api/auth/signin/password");
    assertThat(password.path("callbackUrl").asString())
        .isEqualTo(shop.origin() + "/api/auth/callback/password");
    assertThat(providers.path("jwt").path("callbackUrl").asString())
        .isEqualTo(shop.origin() + "/api/auth/callback/jwt");
  }

  @Test
  void sessionWhenNoCookieThenNullWithNoCacheHeaders() {
    ShopperClient.Response response = shop.browser().get("/api/auth/session");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("null");
    assertNoCache(response);
  }

  @Test
  void sessionWhenCookieInvalidThenNullAndCookieCleared() {
    ShopperClient browser = shop.browser().setCookie(SESSION, "eyJhbGciOiJkaXIifQ..bad.bad.bad");

    ShopperClient.Response response = browser.get("/api/auth/session");

    assertThat(response.body()).isEqualTo("null");
    assertThat(response.setCookie(SESSION).orElseThrow()).contains("Max-Age=0");
  }

  @Test
  void
      callbackPasswordWhenCredentialsRightThenRedirectToCallbackUrlAndSessionWithoutCustomerAccessToken() {
    ShopperClient browser = shop.browser();
    browser.get("/");

    ShopperClient.Response response =
        browser.post(
            "/api/auth/callback/password",
            credentials(Shopper.csrf(browser), TestShop.SHOPPER_PASSWORD));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo(shop.origin() + "/account/orders");
    assertThat(browser.cookie(SESSION)).isPresent();
    assertThat(browser.cookie(ANONYMOUS)).isEmpty();
    ShopperClient.Response session = browser.get("/api/auth/session");
    assertNoCache(session);
    JsonNode body = Shopper.json(session.body());
    assertThat(body.propertyNames()).containsExactly("user", "expires");
    JsonNode user = body.path("user");
    assertThat(user.path("email").asString()).isEqualTo(TestShop.SHOPPER_EMAIL);
    assertThat(user.path("firstName").isString()).isTrue();
    assertThat(user.has("customerAccessToken")).isFalse();
    assertThat(session.body())
        .doesNotContain(
            decodeSession(browser)
                .user()
                .orElseThrow()
                .customerAccessToken()
                .orElseThrow()
                .value());
    Instant expires = Instant.parse(body.path("expires").asString());
    assertThat(expires)
        .isBetween(
            shop.clock().instant().plus(29, ChronoUnit.DAYS),
            shop.clock().instant().plus(31, ChronoUnit.DAYS));
  }

  private static SessionClaims decodeSession(ShopperClient browser) {
    return ((DecodeResult.Decoded)
            shop.codec().decode(browser.cookie(SESSION).orElseThrow(), SESSION))
        .claims();
  }

  @Test
  void sessionWhenExposureConfiguredThenCustomerAccessTokenIncluded() {
    ShopperClient browser = exposing.browser();
    Shopper.signIn(browser);

    JsonNode user = Shopper.json(browser.get("/api/auth/session").body()).path("user");

    assertThat(user.path("customerAccessToken").asString()).isNotBlank();
  }

  @Test
  void callbackPasswordWhenReturnRedirectHeaderThenJsonUrl() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response =
        browser.post(
            "/api/auth/callback/password",
            credentials(Shopper.csrf(browser), TestShop.SHOPPER_PASSWORD),
            "X-Auth-Return-Redirect",
            "1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(Shopper.json(response.body()).path("url").asString())
        .isEqualTo(shop.origin() + "/account/orders");
    assertThat(response.setCookie(SESSION)).isPresent();
  }

  @Test
  void callbackPasswordWhenJsonBodyThenAccepted() {
    ShopperClient browser = shop.browser();
    String csrf = Shopper.csrf(browser);

    ShopperClient.Response response =
        browser.postJson(
            "/api/auth/callback/password",
            "{\"email\":\""
                + TestShop.SHOPPER_EMAIL
                + "\",\"password\":\""
                + TestShop.SHOPPER_PASSWORD
                + "\",\"csrfToken\":\""
                + csrf
                + "\",\"callbackUrl\":\"/\"}");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo(shop.origin() + "/");
    assertThat(browser.cookie(SESSION)).isPresent();
  }

  @Test
  void callbackPasswordWhenWrongPasswordThenCredentialsSigninRedirectAndNoSession() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response =
        browser.post(
            "/api/auth/callback/password", credentials(Shopper.csrf(browser), "wrong-password"));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location())
        .isEqualTo(shop.origin() + "/login?error=CredentialsSignin&code=credentials");
    assertThat(response.setsCookieStartingWith(SESSION)).isFalse();
  }

  @Test
  void callbackPasswordWhenWrongPasswordAndReturnRedirectThenJsonErrorUrl() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response =
        browser.post(
            "/api/auth/callback/password",
            credentials(Shopper.csrf(browser), "wrong-password"),
            "X-Auth-Return-Redirect",
            "1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(Shopper.json(response.body()).path("url").asString())
        .isEqualTo(shop.origin() + "/login?error=CredentialsSignin&code=credentials");
  }

  @Test
  void callbackPasswordWhenCsrfTokenMissingThenMissingCsrfRedirect() {
    ShopperClient browser = shop.browser();
    Shopper.csrf(browser);

    ShopperClient.Response response =
        browser.post("/api/auth/callback/password", credentials("", TestShop.SHOPPER_PASSWORD));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo(shop.origin() + "/login?error=MissingCSRF");
    assertThat(browser.cookie(SESSION)).isEmpty();
  }

  @Test
  void callbackPasswordWhenCsrfCookieMissingThenMissingCsrfRedirect() {
    ShopperClient browser = shop.browser();
    String token = Shopper.csrf(browser);
    browser.removeCookie(CSRF);

    ShopperClient.Response response =
        browser.post("/api/auth/callback/password", credentials(token, TestShop.SHOPPER_PASSWORD));

    assertThat(response.location()).isEqualTo(shop.origin() + "/login?error=MissingCSRF");
    assertThat(browser.cookie(SESSION)).isEmpty();
  }

  @Test
  void callbackPasswordWhenCsrfCookieForgedThenMissingCsrfRedirect() {
    ShopperClient browser = shop.browser();
    String token = "a".repeat(64);
    browser.setCookie(CSRF, token + "%7C" + "0".repeat(64));

    ShopperClient.Response response =
        browser.post("/api/auth/callback/password", credentials(token, TestShop.SHOPPER_PASSWORD));

    assertThat(response.location()).isEqualTo(shop.origin() + "/login?error=MissingCSRF");
  }

  @Test
  void callbackPasswordWhenCallbackUrlOnAnotherOriginThenReducedToPathOnOurs() {
    ShopperClient browser = shop.browser();
    Map<String, String> form = credentials(Shopper.csrf(browser), TestShop.SHOPPER_PASSWORD);
    form.put("callbackUrl", "https://evil.example/steal?x=1");

    ShopperClient.Response response = browser.post("/api/auth/callback/password", form);

    assertThat(response.location()).isEqualTo(shop.origin() + "/steal?x=1");
  }

  @Test
  void callbackJwtWhenValidCustomerLoginJwtThenSignedInAndRedirectedToItsTarget() {
    ShopperClient browser = shop.browser();
    long customerId = shop.loginDirectly().customer().entityId();
    String jwt =
        CustomerLoginJwt.builder()
            .clientId(sandbox.settings().clientId())
            .clientSecret(sandbox.settings().clientSecret())
            .storeHash(sandbox.settings().storeHash())
            .customerId(customerId)
            .redirectTo("/account/addresses")
            .build()
            .token();
    String csrf = Shopper.csrf(browser);

    ShopperClient.Response response =
        browser.post("/api/auth/callback/jwt", Map.of("jwt", jwt, "csrfToken", csrf));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo(shop.origin() + "/account/addresses");
    assertThat(browser.get("/whoami").body()).contains("loggedIn=true");
  }

  @Test
  void callbackJwtWhenTokenForgedThenCredentialsSigninRedirect() {
    ShopperClient browser = shop.browser();
    String jwt =
        CustomerLoginJwt.builder()
            .clientId(sandbox.settings().clientId())
            .clientSecret("not-the-client-secret-0123456789")
            .storeHash(sandbox.settings().storeHash())
            .customerId(1)
            .build()
            .token();

    ShopperClient.Response response =
        browser.post(
            "/api/auth/callback/jwt", Map.of("jwt", jwt, "csrfToken", Shopper.csrf(browser)));

    assertThat(response.location())
        .isEqualTo(shop.origin() + "/login?error=CredentialsSignin&code=invalid_token");
    assertThat(browser.cookie(SESSION)).isEmpty();
  }

  @Test
  void updateSessionWhenCsrfValidThenCartIdChangedAndReturned() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    String csrf = Shopper.csrf(browser);

    ShopperClient.Response response =
        browser.postJson(
            "/api/auth/session",
            "{\"csrfToken\":\"" + csrf + "\",\"data\":{\"user\":{\"cartId\":\"updated-cart\"}}}");

    assertThat(response.status()).isEqualTo(200);
    assertNoCache(response);
    assertThat(Shopper.json(response.body()).path("user").path("cartId").asString())
        .isEqualTo("updated-cart");
    assertThat(decodeSession(browser).user().orElseThrow().cartId()).isEqualTo("updated-cart");
  }

  @Test
  void updateSessionWhenCsrfInvalidThen400Null() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    String before = browser.cookie(SESSION).orElseThrow();

    ShopperClient.Response response =
        browser.postJson(
            "/api/auth/session",
            "{\"csrfToken\":\"wrong\",\"data\":{\"user\":{\"cartId\":\"x\"}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("null");
    assertThat(browser.cookie(SESSION)).contains(before);
  }

  @Test
  void signOutWhenCsrfValidThenSessionClearedRedirectedAndNewAnonymousSessionKeepsTheCart() {
    ShopperClient browser = shop.browser();
    browser.get("/");
    String guestCart = shop.createGuestCart();
    Shopper.setCart(browser, guestCart);
    Shopper.signIn(browser);
    String csrf = Shopper.csrf(browser);

    ShopperClient.Response response =
        browser.post("/api/auth/signout", Map.of("csrfToken", csrf, "callbackUrl", "/bye"));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo(shop.origin() + "/bye");
    assertThat(response.setCookie(SESSION).orElseThrow()).contains("Max-Age=0");
    assertThat(browser.cookie(SESSION)).isEmpty();
    assertThat(browser.get("/whoami").body()).isEqualTo("guest loggedIn=false cart=" + guestCart);
  }

  @Test
  void signOutWhenCsrfMissingThenMissingCsrfRedirectAndStillSignedIn() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);

    ShopperClient.Response response = browser.post("/api/auth/signout", Map.of("callbackUrl", "/"));

    assertThat(response.location()).isEqualTo(shop.origin() + "/login?error=MissingCSRF");
    assertThat(browser.get("/whoami").body()).contains("loggedIn=true");
  }

  @Test
  void signOutWhenReturnRedirectHeaderThenJsonUrl() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);

    ShopperClient.Response response =
        browser.post(
            "/api/auth/signout",
            Map.of("csrfToken", Shopper.csrf(browser)),
            "X-Auth-Return-Redirect",
            "1");

    assertThat(Shopper.json(response.body()).path("url").asString()).isEqualTo(shop.origin() + "/");
    assertThat(browser.cookie(SESSION)).isEmpty();
  }

  @Test
  void callbackPasswordWhenPasswordResetRequiredThenCredentialsSigninWithItsCode() {
    ShopperClient browser = shop.browser();
    Map<String, String> form = credentials(Shopper.csrf(browser), "Reset-Pass-1");
    form.put("email", "reset@example.com");

    ShopperClient.Response response = browser.post("/api/auth/callback/password", form);

    assertThat(response.location())
        .isEqualTo(shop.origin() + "/login?error=CredentialsSignin&code=reset_password_required");
    assertThat(browser.cookie(SESSION)).isEmpty();
  }

  @Test
  void callbackPasswordWhenStoreThrottlesThenCredentialsSigninWithTooManyAttempts() {
    try (SandboxServer strict =
            dev.storefrontsession.sandbox.SandboxServer.start(
                dev.storefrontsession.sandbox.SandboxSettings.builder()
                    .port(0)
                    .inMemoryDatabase()
                    .loginThrottle(1, java.time.Duration.ofMinutes(15))
                    .build());
        TestShop throttled = TestShop.start(strict)) {
      ShopperClient browser = throttled.browser();
      browser.post("/api/auth/callback/password", credentials(Shopper.csrf(browser), "wrong-once"));

      ShopperClient.Response response =
          browser.post(
              "/api/auth/callback/password",
              credentials(Shopper.csrf(browser), TestShop.SHOPPER_PASSWORD));

      assertThat(response.location())
          .isEqualTo(throttled.origin() + "/login?error=CredentialsSignin&code=too_many_attempts");
      assertThat(browser.cookie(SESSION)).isEmpty();
    }
  }

  @Test
  void callbackPasswordWhenStoreUnreachableThenConfigurationErrorAndNothingChanges() {
    SandboxServer gone = TestShop.sandbox(true);
    TestShop orphan = TestShop.start(gone);
    try {
      ShopperClient browser = orphan.browser();
      browser.get("/");
      String anonymous = browser.cookie(ANONYMOUS).orElseThrow();
      String csrf = Shopper.csrf(browser);
      gone.close();

      ShopperClient.Response response =
          browser.post("/api/auth/callback/password", credentials(csrf, TestShop.SHOPPER_PASSWORD));

      assertThat(response.location()).isEqualTo(orphan.origin() + "/login?error=Configuration");
      assertThat(browser.cookie(SESSION)).isEmpty();
      assertThat(browser.cookie(ANONYMOUS)).contains(anonymous);
    } finally {
      orphan.close();
    }
  }

  @Test
  void signInPageWhenRequestedThenRedirectToLoginWithAbsoluteCallbackUrl() {
    ShopperClient.Response response = shop.browser().get("/api/auth/signin?callbackUrl=%2Fcart");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location())
        .isEqualTo(
            "/login?callbackUrl="
                + java.net.URLEncoder.encode(
                    shop.origin() + "/cart", java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void signInPostWhenCredentialsProviderThenRedirectToLogin() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response =
        browser.post("/api/auth/signin/password", Map.of("csrfToken", "x"));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).startsWith("/login?callbackUrl=");
  }

  @Test
  void signOutPageWhenRequestedThenRedirectToLogoutRoute() {
    ShopperClient.Response response = shop.browser().get("/api/auth/signout");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo("/logout");
  }

  @Test
  void callbackWhenUnknownProviderThenConfigurationError() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response =
        browser.post("/api/auth/callback/github", Map.of("csrfToken", Shopper.csrf(browser)));

    assertThat(response.location())
        .isEqualTo(shop.origin() + "/api/auth/error?error=Configuration");
  }

  @Test
  void errorPageWhenRequestedThenLoginPageShowsTheErrorAndOnlyAKnownShape() {
    assertThat(shop.browser().get("/api/auth/error?error=Configuration").location())
        .isEqualTo("/login?error=Configuration");
    assertThat(shop.browser().get("/api/auth/error?error=%3Cscript%3E").location())
        .isEqualTo("/login?error=Configuration");
  }

  @Test
  void callbackPasswordWhenCartIdPostedAndNoCartInCookiesThenPostedCartHandedToTheStore() {
    ShopperClient browser = shop.browser();
    String guestCart = shop.createGuestCart();
    Map<String, String> form = credentials(Shopper.csrf(browser), TestShop.SHOPPER_PASSWORD);
    form.put("cartId", guestCart);

    browser.post("/api/auth/callback/password", form);

    assertThat(decodeSession(browser).user().orElseThrow().cartId()).isEqualTo(guestCart);
  }

  @Test
  void callbackPasswordWhenCartIdPostedButCookiesHoldACartThenTheCookieCartWins() {
    ShopperClient browser = shop.browser();
    String cookieCart = shop.createGuestCart();
    Shopper.setCart(browser, cookieCart);
    Map<String, String> form = credentials(Shopper.csrf(browser), TestShop.SHOPPER_PASSWORD);
    form.put("cartId", shop.createGuestCart());

    browser.post("/api/auth/callback/password", form);

    assertThat(decodeSession(browser).user().orElseThrow().cartId()).isEqualTo(cookieCart);
  }
}
