package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.CookieChunker;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.spring.testapp.TestShopApplication;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cookie writing, the anonymous-session lifecycle, lazy decoding, chunking and statelessness over
 * real HTTP.
 */
class ShopperSessionFilterTest {

  static final String SESSION = "authjs.session-token";
  static final String ANONYMOUS = "authjs.anonymous-session-token";
  static TestShop shop;

  @BeforeAll
  static void start() {
    shop = TestShop.start();
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  private static SessionClaims decode(String token, String cookieName) {
    DecodeResult result = shop.codec().decode(token, cookieName);
    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    return ((DecodeResult.Decoded) result).claims();
  }

  @Test
  void firstVisitWhenNoCookiesThenSetsAnonymousSessionWithCatalystAttributes() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response = browser.get("/");

    String header = response.setCookie(ANONYMOUS).orElseThrow();
    assertThat(header)
        .contains("; Max-Age=604800", "; Path=/", "; Expires=", "; HttpOnly", "; SameSite=Lax")
        .doesNotContain("Secure");
    SessionClaims claims = decode(browser.cookie(ANONYMOUS).orElseThrow(), ANONYMOUS);
    assertThat(claims.user()).map(SessionUser::hasCartId).contains(true);
    assertThat(claims.user().orElseThrow().cartId()).isNull();
    assertThat(claims.isAnonymous()).isTrue();
    assertThat(response.setCookie(SESSION)).isEmpty();
  }

  @Test
  void pageWhenServedThenSecurityHeadersWrittenAlongsideTheSessionCookies() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response = browser.get("/");

    // Headers are written eagerly (before the chain) and must still sit beside the cookies written
    // at commit.
    assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.header("X-Frame-Options")).contains("DENY");
    assertThat(response.setCookie(ANONYMOUS)).isPresent();
  }

  @Test
  void nextVisitWhenAnonymousSessionExistsThenItIsNotReissued() {
    ShopperClient browser = shop.browser();
    browser.get("/");

    ShopperClient.Response second = browser.get("/");

    assertThat(second.setCookies(ANONYMOUS)).isEmpty();
  }

  @Test
  void passivePathWhenNoCookiesThenNoAnonymousSessionIsCreated() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response = browser.get("/api/auth/providers");

    assertThat(response.setCookies(ANONYMOUS)).isEmpty();
    assertThat(browser.cookies()).isEmpty();
  }

  @Test
  void pageWhenInvalidSessionCookieIsReadThenTreatedAsAbsentClearedAndAnonymousSessionStarted() {
    ShopperClient browser = shop.browser().setCookie(SESSION, "garbage");

    ShopperClient.Response response = browser.get("/whoami");

    assertThat(response.body()).startsWith("guest loggedIn=false");
    assertThat(response.setCookie(SESSION).orElseThrow())
        .startsWith(SESSION + "=;")
        .contains("Max-Age=0");
    assertThat(response.setCookie(ANONYMOUS)).isPresent();
    assertThat(browser.cookie(SESSION)).isEmpty();
  }

  @Test
  void anonymousCookieWhenUndecodableThenReplacedByAFreshOne() {
    ShopperClient browser = shop.browser().setCookie(ANONYMOUS, "not-a-jwe");

    ShopperClient.Response response = browser.get("/whoami");

    assertThat(response.body()).isEqualTo("guest loggedIn=false cart=none");
    assertThat(response.setCookies(ANONYMOUS)).hasSize(1);
    assertThat(decode(browser.cookie(ANONYMOUS).orElseThrow(), ANONYMOUS).isAnonymous()).isTrue();
  }

  @Test
  void anonymousCookieWhenMadeWithAnotherSecretThenReplaced() {
    SessionCodec other =
        new SessionCodec(
            dev.storefrontsession.core.KeyRing.of("another-secret-entirely"), shop.clock());
    ShopperClient browser =
        shop.browser()
            .setCookie(
                ANONYMOUS, other.encode(SessionClaims.anonymous("cart-from-elsewhere"), ANONYMOUS));

    ShopperClient.Response response = browser.get("/whoami");

    assertThat(response.body()).endsWith("cart=none");
    assertThat(
            decode(browser.cookie(ANONYMOUS).orElseThrow(), ANONYMOUS)
                .user()
                .orElseThrow()
                .cartId())
        .isNull();
  }

  @Test
  void signInWhenAnonymousSessionExistsThenAnonymousCookieDeleted() {
    ShopperClient browser = shop.browser();
    browser.get("/");
    assertThat(browser.cookie(ANONYMOUS)).isPresent();

    ShopperClient.Response response = Shopper.signIn(browser);

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.setCookie(ANONYMOUS).orElseThrow()).contains("Max-Age=0");
    assertThat(response.setCookie(SESSION).orElseThrow())
        .contains("; Path=/", "; Expires=", "; HttpOnly", "; SameSite=Lax")
        .doesNotContain("Secure");
    assertThat(browser.cookie(ANONYMOUS)).isEmpty();
    assertThat(browser.cookie(SESSION)).isPresent();
  }

  @Test
  void pageWhenSignedInSessionAndStaleAnonymousCookieThenAnonymousCookieDeleted() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    browser.setCookie(ANONYMOUS, shop.codec().encode(SessionClaims.anonymous(null), ANONYMOUS));

    ShopperClient.Response response = browser.get("/");

    assertThat(response.setCookie(ANONYMOUS).orElseThrow()).contains("Max-Age=0");
    assertThat(response.setsCookieStartingWith(SESSION)).isFalse();
  }

  @Test
  void sessionWhenLongerThanOneCookieThenReadFromChunksAndReissuedAsChunks() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    SessionClaims signedIn = decode(browser.cookie(SESSION).orElseThrow(), SESSION);
    SessionClaims big = signedIn.toBuilder().extra("padding", "x".repeat(5000)).build();
    String token = shop.codec().encode(big, SESSION, Duration.ofDays(30));
    assertThat(token.length()).isGreaterThan(CookieChunker.CHUNK_SIZE);
    browser
        .removeCookie(SESSION)
        .setCookie(SESSION + ".0", token.substring(0, CookieChunker.CHUNK_SIZE))
        .setCookie(SESSION + ".1", token.substring(CookieChunker.CHUNK_SIZE));

    assertThat(browser.get("/whoami").body()).startsWith("session:" + TestShop.SHOPPER_EMAIL);
    ShopperClient.Response changed = Shopper.setCart(browser, "chunked-cart");

    assertThat(changed.body()).isEqualTo("cart=chunked-cart");
    assertThat(changed.setCookies(SESSION)).isEmpty();
    assertThat(changed.setCookie(SESSION + ".0").orElseThrow()).doesNotContain("Max-Age=0");
    assertThat(changed.setCookie(SESSION + ".1").orElseThrow()).doesNotContain("Max-Age=0");
    String joined =
        browser.cookie(SESSION + ".0").orElseThrow() + browser.cookie(SESSION + ".1").orElseThrow();
    SessionClaims reissued = decode(joined, SESSION);
    assertThat(reissued.extra()).containsKey("padding");
    assertThat(reissued.user().orElseThrow().cartId()).isEqualTo("chunked-cart");
  }

  @Test
  void signInWhenBrowserHoldsChunkedSessionThenPlainCookieSetAndStaleChunksDeleted() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    SessionClaims big =
        decode(browser.cookie(SESSION).orElseThrow(), SESSION).toBuilder()
            .extra("padding", "y".repeat(5000))
            .build();
    String token = shop.codec().encode(big, SESSION, Duration.ofDays(30));
    browser
        .removeCookie(SESSION)
        .setCookie(SESSION + ".0", token.substring(0, CookieChunker.CHUNK_SIZE))
        .setCookie(SESSION + ".1", token.substring(CookieChunker.CHUNK_SIZE));

    ShopperClient.Response response = Shopper.signIn(browser);

    assertThat(response.setCookie(SESSION).orElseThrow()).doesNotContain("Max-Age=0");
    assertThat(response.setCookie(SESSION + ".0").orElseThrow()).contains("Max-Age=0");
    assertThat(response.setCookie(SESSION + ".1").orElseThrow()).contains("Max-Age=0");
    assertThat(browser.cookies())
        .containsKey(SESSION)
        .doesNotContainKeys(SESSION + ".0", SESSION + ".1");
  }

  @Test
  void everyFlowWhenServedThenNoHttpSessionIsEverCreated() {
    int before = shop.bean(TestShopApplication.SessionCounter.class).created();
    ShopperClient browser = shop.browser();
    browser.get("/");
    browser.get("/account/orders");
    Shopper.signIn(browser);
    browser.get("/account/orders");
    Shopper.setCart(browser, "c1");
    browser.get("/api/auth/session");
    String csrf = Shopper.csrf(browser);
    browser.post("/api/auth/signout", Map.of("csrfToken", csrf));
    browser.post("/cart", Map.of("cartId", "no-csrf"));

    assertThat(shop.bean(TestShopApplication.SessionCounter.class).created()).isEqualTo(before);
    assertThat(browser.cookies()).doesNotContainKey("JSESSIONID");
  }

  @Test
  void sessionCounterWhenAHandlerCreatesASessionThenItCounts() {
    int before = shop.bean(TestShopApplication.SessionCounter.class).created();

    shop.browser().get("/session-probe");

    assertThat(shop.bean(TestShopApplication.SessionCounter.class).created()).isEqualTo(before + 1);
  }

  @Test
  void encodeUrlWhenAnHttpSessionExistsAndNoSessionCookieThenLinksCarryNoSessionId() {
    ShopperClient.Response response = shop.browser().get("/encoded-links");

    assertThat(response.body()).isEqualTo("/cart /account");
  }
}
