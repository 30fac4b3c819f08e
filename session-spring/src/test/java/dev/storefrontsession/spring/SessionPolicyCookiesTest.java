package dev.storefrontsession.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.client.CustomerLogin;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.internal.SessionSettingException;
import dev.storefrontsession.spring.testing.AuthJsCore;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The cookie lifetime settings: browser-session cookies, an absolute session lifetime ({@code
 * auth_time}), partitioned cookies; each checked on the wire and, where a Catalyst app shares the
 * cookie, with the real {@code @auth/core}.
 */
class SessionPolicyCookiesTest {

  static final String SESSION = "authjs.session-token";
  static final String ANONYMOUS = "authjs.anonymous-session-token";
  static final String SECURE_SESSION = "__Secure-authjs.session-token";
  static final Duration ABSOLUTE = Duration.ofHours(2);
  static AuthJsCore authJs;
  static SandboxServer sandbox;
  static TestShop browserSession;
  static TestShop absolute;
  static TestShop partitioned;

  @BeforeAll
  static void start() {
    authJs = AuthJsCore.locate();
    sandbox = TestShop.sandbox(true);
    browserSession =
        TestShop.start(
            sandbox,
            "storefront.session.browser-session-cookies=true",
            "storefront.session.max-age=1h");
    absolute =
        TestShop.start(
            sandbox, "storefront.session.absolute-max-age=2h", "storefront.session.update-age=10m");
    partitioned =
        TestShop.start(
            sandbox,
            "AUTH_URL=https://shop.example.com",
            "storefront.session.partitioned-cookies=true");
  }

  @BeforeEach
  void resetClocks() {
    browserSession.clock().reset();
    absolute.clock().reset();
    partitioned.clock().reset();
  }

  @AfterAll
  static void stop() {
    partitioned.close();
    absolute.close();
    browserSession.close();
    sandbox.close();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static JsonNode claimsByAuthJs(ShopperClient browser, String name) {
    JsonNode decoded = authJs.decode(browser.cookie(name).orElseThrow(), TestShop.SECRET, name);
    assertThat(decoded.path("ok").asBoolean()).as("Auth.js decodes the cookie").isTrue();
    return decoded.path("value");
  }

  // ---- browser-session cookies
  // ----------------------------------------------------------------------------------

  @Test
  void browserSessionCookiesWhenSignedInThenNoExpiryButTokenExpIsMaxAgeForAuthJs() {
    ShopperClient browser = browserSession.browser();
    ShopperClient.Response first = browser.get("/");
    ShopperClient.Response signIn = Shopper.signIn(browser);

    assertThat(first.setCookie(ANONYMOUS).orElseThrow())
        .doesNotContain("Expires=")
        .doesNotContain("Max-Age");
    assertThat(signIn.setCookie(SESSION).orElseThrow())
        .doesNotContain("Expires=")
        .doesNotContain("Max-Age")
        .contains("; HttpOnly; SameSite=Lax");
    JsonNode claims = claimsByAuthJs(browser, SESSION);
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
    assertThat(browser.get("/whoami").body()).startsWith("session:");
  }

  @Test
  void browserSessionCookiesWhenTokenExpHasPassedThenTheCookieNoLongerSignsIn() {
    ShopperClient browser = browserSession.browser();
    Shopper.signIn(browser);

    browserSession.clock().advance(Duration.ofMinutes(61));

    assertThat(browser.get("/whoami").body()).startsWith("guest");
  }

  @Test
  void cookiesWhenDefaultSettingsThenPersistentWithExpires() {
    try (TestShop shop = TestShop.start(sandbox)) {
      ShopperClient browser = shop.browser();
      assertThat(browser.get("/").setCookie(ANONYMOUS).orElseThrow())
          .contains("Max-Age=604800")
          .contains("Expires=");
      assertThat(Shopper.signIn(browser).setCookie(SESSION).orElseThrow()).contains("Expires=");
    }
  }

  // ---- absolute lifetime
  // ----------------------------------------------------------------------------------------

  @Test
  void absoluteLifetimeWhenSignedInThenAuthTimeIsTheSignInAndExpNeverPassesIt() {
    ShopperClient browser = absolute.browser();
    Shopper.signIn(browser);
    JsonNode signedIn = claimsByAuthJs(browser, SESSION);
    long authTime = signedIn.path("auth_time").asLong();
    assertThat(authTime).isEqualTo(signedIn.path("iat").asLong());
    assertThat(signedIn.path("exp").asLong()).isEqualTo(authTime + ABSOLUTE.toSeconds());

    absolute.clock().advance(Duration.ofMinutes(90));
    ShopperClient.Response rolled = browser.get("/whoami");

    assertThat(rolled.body()).startsWith("session:");
    assertThat(rolled.setCookie(SESSION)).as("re-issued after the update age").isPresent();
    JsonNode reissued = claimsByAuthJs(browser, SESSION);
    assertThat(reissued.path("auth_time").asLong()).isEqualTo(authTime);
    assertThat(reissued.path("iat").asLong()).isGreaterThanOrEqualTo(authTime + 90 * 60);
    assertThat(reissued.path("exp").asLong()).isEqualTo(authTime + ABSOLUTE.toSeconds());
  }

  @Test
  void absoluteLifetimeWhenReachedThenSignedOutWithTheCartKeptHoweverActive() {
    ShopperClient browser = absolute.browser();
    Shopper.signIn(browser);
    Shopper.setCart(browser, "cart-kept-after-absolute-end");
    for (int i = 0;
        i < 10;
        i++) { // a request every 11 minutes: re-issued each time (update age 10 minutes)
      absolute.clock().advance(Duration.ofMinutes(11));
      ShopperClient.Response active = browser.get("/whoami");
      assertThat(active.body()).startsWith("session:");
      assertThat(active.setCookie(SESSION)).isPresent();
    }

    absolute.clock().advance(ABSOLUTE.minus(Duration.ofMinutes(110)));
    ShopperClient.Response ended = browser.get("/whoami");

    assertThat(ended.body()).isEqualTo("guest loggedIn=false cart=cart-kept-after-absolute-end");
    assertThat(ended.setCookie(SESSION).orElseThrow()).contains("Max-Age=0");
  }

  @Test
  void absoluteLifetimeWhenAuthJsMintedCookieHasNoAuthTimeThenCountedFromItsIatAndStamped() {
    CustomerLogin login = absolute.loginDirectly();
    String token =
        authJs.encode(catalystClaims(login, null), TestShop.SECRET, SESSION, 30L * 24 * 3600);
    long iat = authJs.decode(token, TestShop.SECRET, SESSION).path("value").path("iat").asLong();
    ShopperClient browser = absolute.browser().setCookie(SESSION, token);

    ShopperClient.Response first = browser.get("/whoami");

    assertThat(first.body()).startsWith("session:");
    JsonNode stamped = claimsByAuthJs(browser, SESSION);
    assertThat(stamped.path("auth_time").asLong()).isEqualTo(iat);
    assertThat(stamped.path("exp").asLong()).isLessThanOrEqualTo(iat + ABSOLUTE.toSeconds());
  }

  @Test
  void absoluteLifetimeWhenAuthJsMintedCookieSignedInTooLongAgoThenSignedOut() {
    CustomerLogin login = absolute.loginDirectly();
    Map<String, Object> claims = catalystClaims(login, "cart-of-old-session");
    claims.put("auth_time", absolute.clock().instant().minus(ABSOLUTE).getEpochSecond() - 1);
    String token = authJs.encode(claims, TestShop.SECRET, SESSION, 30L * 24 * 3600);
    ShopperClient browser = absolute.browser().setCookie(SESSION, token);

    assertThat(browser.get("/whoami").body())
        .isEqualTo("guest loggedIn=false cart=cart-of-old-session");
  }

  @Test
  void absoluteLifetimeWhenAuthTimeInTheFutureThenSignedOut() {
    CustomerLogin login = absolute.loginDirectly();
    Map<String, Object> claims = catalystClaims(login, null);
    claims.put("auth_time", absolute.clock().instant().plus(Duration.ofDays(365)).getEpochSecond());
    String token = authJs.encode(claims, TestShop.SECRET, SESSION, 30L * 24 * 3600);

    assertThat(absolute.browser().setCookie(SESSION, token).get("/whoami").body())
        .startsWith("guest");
  }

  @Test
  void startupWhenAbsoluteMaxAgeNotPositiveThenFailsNamingTheSetting() {
    assertThatThrownBy(() -> TestShop.app(sandbox, "storefront.session.absolute-max-age=0s"))
        .satisfies(
            e ->
                assertThat(rootCause(e))
                    .isInstanceOf(SessionSettingException.class)
                    .hasMessageContaining("storefront.session.absolute-max-age must be positive"));
  }

  // ---- partitioned cookies
  // --------------------------------------------------------------------------------------

  @Test
  void partitionedCookiesWhenHttpsThenEveryCookieIsPartitionedSameSiteNoneSecure() {
    ShopperClient browser = partitioned.browser();
    ShopperClient.Response first = browser.get("/");
    ShopperClient.Response signIn = Shopper.signIn(browser);
    ShopperClient.Response signOut =
        browser.post("/logout", Map.of("_csrf", Shopper.formToken(browser)));

    String attributes = "; HttpOnly; Secure; Partitioned; SameSite=None";
    assertThat(first.setCookie("__Secure-authjs.anonymous-session-token").orElseThrow())
        .endsWith(attributes);
    assertThat(first.setCookie("__Host-authjs.csrf-token").orElseThrow()).endsWith(attributes);
    assertThat(signIn.setCookie(SECURE_SESSION).orElseThrow()).endsWith(attributes);
    assertThat(signIn.setCookie("__Secure-authjs.anonymous-session-token").orElseThrow())
        .as("deletion of the anonymous cookie")
        .contains("Max-Age=0")
        .endsWith(attributes);
    assertThat(signOut.setCookie(SECURE_SESSION).orElseThrow())
        .contains("Max-Age=0")
        .endsWith(attributes);
    assertThat(
            claimsByAuthJs(browser, "__Secure-authjs.anonymous-session-token")
                .path("user")
                .has("cartId"))
        .isTrue();
  }

  @Test
  void startupWhenPartitionedOverPlainHttpThenFailsWithAClearMessage() {
    assertThatThrownBy(() -> TestShop.app(sandbox, "storefront.session.partitioned-cookies=true"))
        .satisfies(
            e ->
                assertThat(rootCause(e))
                    .isInstanceOf(SessionSettingException.class)
                    .hasMessageContaining("storefront.session.partitioned-cookies needs https")
                    .hasMessageContaining("AUTH_URL"));
    assertThatThrownBy(
            () ->
                TestShop.app(
                    sandbox,
                    "storefront.session.partitioned-cookies=true",
                    "AUTH_URL=http://shop.example.com"))
        .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(SessionSettingException.class));
    assertThatThrownBy(
            () ->
                TestShop.app(
                    sandbox,
                    "storefront.session.partitioned-cookies=true",
                    "AUTH_URL=https://shop.example.com",
                    "storefront.session.use-secure-cookies=false"))
        .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(SessionSettingException.class));
  }

  @Test
  void startupWhenPartitionedWithSecureCookiesForcedBehindATlsProxyThenStarts() {
    try (TestShop shop =
        TestShop.start(
            sandbox,
            "storefront.session.partitioned-cookies=true",
            "storefront.session.use-secure-cookies=true")) {
      assertThat(
              shop.browser()
                  .get("/")
                  .setCookie("__Secure-authjs.anonymous-session-token")
                  .orElseThrow())
          .contains("; Secure; Partitioned; SameSite=None");
    }
  }

  /** Catalyst's session claims as its {@code jwt} callback writes them. */
  static Map<String, Object> catalystClaims(CustomerLogin login, String cartId) {
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
}
