package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.core.internal.ContentKey;
import dev.storefrontsession.core.testing.TokenForge;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rolling re-issue by update age, claims changes, upstream failures and an expired customer access
 * token.
 */
class ShopperRequestStateTest {

  static final String SESSION = "authjs.session-token";
  static final String ANONYMOUS = "authjs.anonymous-session-token";
  static SandboxServer sandbox;
  static TestShop daily;
  static TestShop everyRequest;

  @BeforeAll
  static void start() {
    sandbox = TestShop.sandbox(true);
    daily = TestShop.start(sandbox);
    everyRequest = TestShop.start(sandbox, "storefront.session.update-age=0s");
  }

  @AfterAll
  static void stop() {
    everyRequest.close();
    daily.close();
    sandbox.close();
  }

  private static SessionClaims decode(TestShop shop, String token, String name) {
    return ((DecodeResult.Decoded) shop.codec().decode(token, name)).claims();
  }

  @Test
  void readWhenSessionYoungerThanUpdateAgeThenNotReissued() {
    ShopperClient browser = daily.browser();
    Shopper.signIn(browser);

    ShopperClient.Response response = browser.get("/whoami");

    assertThat(response.body()).contains("loggedIn=true");
    assertThat(response.setCookies(SESSION)).isEmpty();
  }

  @Test
  void readWhenSessionOlderThanUpdateAgeThenReissuedWithNewIssuedAtAndExpiry() {
    ShopperClient browser = daily.browser();
    Shopper.signIn(browser);
    String before = browser.cookie(SESSION).orElseThrow();
    SessionClaims original = decode(daily, before, SESSION);

    daily.clock().advance(Duration.ofHours(25));
    Instant from = daily.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    ShopperClient.Response response = browser.get("/whoami");
    Instant to = daily.clock().instant();

    assertThat(response.setCookie(SESSION)).isPresent();
    SessionClaims rolled = decode(daily, browser.cookie(SESSION).orElseThrow(), SESSION);
    assertThat(rolled.issuedAt()).isBetween(from, to);
    assertThat(rolled.expiresAt()).isAfter(original.expiresAt());
    assertThat(rolled.jti()).isNotEqualTo(original.jti());
    assertThat(rolled.user()).isEqualTo(original.user());
    assertThat(browser.get("/whoami").setCookies(SESSION)).isEmpty();
  }

  @Test
  void pageWhenSessionOldButNeverReadThenNotReissued() {
    ShopperClient browser = daily.browser();
    Shopper.signIn(browser);

    daily.clock().advance(Duration.ofHours(25));
    ShopperClient.Response response = browser.get("/");

    assertThat(response.setsCookieStartingWith(SESSION)).isFalse();
  }

  @Test
  void setCartIdWhenSessionYoungThenReissuedBecauseClaimsChanged() {
    ShopperClient browser = daily.browser();
    Shopper.signIn(browser);

    ShopperClient.Response response = Shopper.setCart(browser, "cart-123");

    assertThat(response.setCookie(SESSION)).isPresent();
    assertThat(
            decode(daily, browser.cookie(SESSION).orElseThrow(), SESSION)
                .user()
                .orElseThrow()
                .cartId())
        .isEqualTo("cart-123");
    assertThat(Shopper.setCart(browser, "cart-123").setCookies(SESSION)).isEmpty();
  }

  @Test
  void setCartIdWhenGuestThenStoredInAnonymousSessionOnlyWhenChanged() {
    ShopperClient browser = daily.browser();
    browser.get("/");

    ShopperClient.Response first = Shopper.setCart(browser, "guest-cart");
    ShopperClient.Response again = Shopper.setCart(browser, "guest-cart");

    assertThat(first.setCookie(ANONYMOUS)).isPresent();
    assertThat(
            decode(daily, browser.cookie(ANONYMOUS).orElseThrow(), ANONYMOUS)
                .user()
                .orElseThrow()
                .cartId())
        .isEqualTo("guest-cart");
    assertThat(again.setCookies(ANONYMOUS)).isEmpty();
    assertThat(browser.get("/whoami").body()).isEqualTo("guest loggedIn=false cart=guest-cart");
  }

  @Test
  void readWhenUpdateAgeZeroThenReissuedOnEveryRead() {
    ShopperClient browser = everyRequest.browser();
    Shopper.signIn(browser);

    ShopperClient.Response first = browser.get("/whoami");
    String afterFirst = browser.cookie(SESSION).orElseThrow();
    ShopperClient.Response second = browser.get("/whoami");

    assertThat(first.setCookie(SESSION)).isPresent();
    assertThat(second.setCookie(SESSION)).isPresent();
    assertThat(browser.cookie(SESSION).orElseThrow()).isNotEqualTo(afterFirst);
  }

  @Test
  void responseWhenUpstreamFailedThenSessionNotReissuedNorCleared() {
    ShopperClient browser = everyRequest.browser();
    Shopper.signIn(browser);
    String before = browser.cookie(SESSION).orElseThrow();

    ShopperClient.Response response = browser.get("/upstream-down");

    assertThat(response.status()).isGreaterThanOrEqualTo(500);
    assertThat(response.setsCookieStartingWith(SESSION)).isFalse();
    assertThat(browser.cookie(SESSION)).contains(before);
    assertThat(browser.get("/whoami").body()).contains("loggedIn=true");
  }

  @Test
  void readWhenCustomerAccessTokenExpiredThenSignedOutAndCartKeptInAnonymousSession() {
    ShopperClient browser = daily.browser();
    Instant past = daily.clock().instant().minus(Duration.ofMinutes(1));
    SessionClaims claims =
        SessionClaims.builder()
            .email("old@example.com")
            .user(
                SessionUser.builder()
                    .customerAccessToken(new CustomerAccessToken("expired-cat_1", past))
                    .cartId("kept-cart")
                    .build())
            .build();
    browser.setCookie(SESSION, daily.codec().encode(claims, SESSION, Duration.ofDays(30)));

    ShopperClient.Response response = browser.get("/whoami");

    assertThat(response.body()).isEqualTo("guest loggedIn=false cart=kept-cart");
    assertThat(response.setCookie(SESSION).orElseThrow()).contains("Max-Age=0");
    assertThat(
            decode(daily, browser.cookie(ANONYMOUS).orElseThrow(), ANONYMOUS)
                .user()
                .orElseThrow()
                .cartId())
        .isEqualTo("kept-cart");
  }

  // ---- claims Auth.js accepts whose known members have other JSON types (issue #20)
  // --------------------------------

  /**
   * A session cookie with exactly this claims text, sealed as Auth.js seals it (iat, exp and jti as
   * given).
   */
  private static String cookieWithClaims(String claimsJson) {
    ContentKey key = TokenForge.cbcKey(TestShop.SECRET, SESSION);
    return TokenForge.cbc(key, TokenForge.authJsHeader(key), claimsJson);
  }

  /**
   * {@code iat}, {@code exp} a week ahead and {@code cat_checked_at}: a session whose token the
   * store confirmed just now (as at sign-in), so no revalidation asks the store about these made-up
   * tokens.
   */
  private static String freshSessionTimes() {
    return freshSessionTimes(daily);
  }

  private static String freshSessionTimes(TestShop shop) {
    long now = shop.clock().instant().getEpochSecond();
    return ",\"iat\":"
        + now
        + ",\"exp\":"
        + shop.clock().instant().plus(Duration.ofDays(7)).getEpochSecond()
        + ",\"cat_checked_at\":"
        + now;
  }

  @Test
  void readWhenCustomerAccessTokenNotAStringThenNotSignedInAndRestOfSessionKept() {
    ShopperClient browser = daily.browser();
    browser.setCookie(
        SESSION,
        cookieWithClaims(
            "{\"email\":\"numeric-cat@example.com\",\"user\":{\"customerAccessToken\":123,\"cartId\":\"kept-cart\","
                + "\"cartIds\":{\"1\":\"kept-cart\"}}"
                + freshSessionTimes()
                + "}"));

    ShopperClient.Response response = browser.get("/whoami");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("session:numeric-cat@example.com loggedIn=false cart=kept-cart");
    assertThat(response.setsCookieStartingWith(SESSION)).isFalse();
    assertThat(browser.get("/account/orders").status()).isEqualTo(302);
  }

  @Test
  void readWhenCartIdNotAStringThenNoCartAndSettingOneReplacesIt() {
    ShopperClient browser = daily.browser();
    browser.setCookie(
        SESSION,
        cookieWithClaims(
            "{\"email\":\"numeric-cart@example.com\",\"user\":{\"customerAccessToken\":\"cat_1\",\"cartId\":5}"
                + freshSessionTimes()
                + "}"));

    assertThat(browser.get("/whoami").body())
        .isEqualTo("session:numeric-cart@example.com loggedIn=true cart=none");
    ShopperClient.Response response = Shopper.setCart(browser, "new-cart");

    assertThat(response.status()).isEqualTo(200);
    SessionUser user =
        decode(daily, browser.cookie(SESSION).orElseThrow(), SESSION).user().orElseThrow();
    assertThat(user.cartId()).isEqualTo("new-cart");
    assertThat(user.customerAccessToken().map(CustomerAccessToken::value)).contains("cat_1");
  }

  @Test
  void readWhenKnownClaimsHaveOtherTypesThenRolledCookieKeepsTheirRawValues() {
    ShopperClient browser = everyRequest.browser();
    String claims =
        "{\"name\":[\"x\"],\"email\":\"raw@example.com\",\"sub\":42,\"user\":{\"customerAccessToken\":"
            + "\"cat_1\",\"cartId\":null,\"firstName\":7,\"role\":{\"b2b\":true}},\"custom\":1e400"
            + freshSessionTimes(everyRequest)
            + ",\"jti\":false}";
    browser.setCookie(SESSION, cookieWithClaims(claims));

    ShopperClient.Response response = browser.get("/whoami");

    assertThat(response.body()).isEqualTo("session:raw@example.com loggedIn=true cart=none");
    assertThat(response.setCookie(SESSION)).isPresent();
    String rolled = decode(everyRequest, browser.cookie(SESSION).orElseThrow(), SESSION).toJson();
    assertThat(rolled)
        .startsWith(
            "{\"name\":[\"x\"],\"email\":\"raw@example.com\",\"sub\":42,\"user\":"
                + "{\"customerAccessToken\":\"cat_1\",\"cartId\":null,\"firstName\":7,\"role\":{\"b2b\":true}},"
                + "\"custom\":null,\"iat\":");
    assertThat(rolled).matches(".*\"jti\":\"[0-9a-f-]{36}\"}");
  }

  @Test
  void readWhenTimeClaimsBeyondInstantRangeThenSessionReadWithoutServerError() {
    for (String times :
        List.of(
            "\"iat\":1e300,\"exp\":1e400",
            "\"iat\":-1e400,\"exp\":100000000000000000",
            "\"iat\":31556889864403199,\"exp\":31556889864403199.5")) {
      ShopperClient browser = daily.browser();
      browser.setCookie(
          SESSION,
          cookieWithClaims(
              "{\"email\":\"far@example.com\",\"user\":{\"customerAccessToken\":\"cat_1\"},\"cat_checked_at\":"
                  + daily.clock().instant().getEpochSecond()
                  + ","
                  + times
                  + "}"));

      ShopperClient.Response whoami = browser.get("/whoami");
      ShopperClient.Response session = browser.get("/api/auth/session");

      assertThat(whoami.status()).as(times).isEqualTo(200);
      assertThat(whoami.body()).isEqualTo("session:far@example.com loggedIn=true cart=none");
      assertThat(session.status()).as(times).isEqualTo(200);
      assertThat(session.body()).contains("far@example.com");
    }
  }
}
