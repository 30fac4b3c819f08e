package dev.storefrontsession.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerLogin;
import dev.storefrontsession.core.ChannelCarts;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.testing.AuthJsCore;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Sessions that really end: a signed-in session's customer access token is checked with the store
 * once per revalidation interval (default 5 minutes), on pages that make no customer call too.
 */
class SessionRevalidationTest {

  static final String SESSION = "authjs.session-token";
  static SandboxServer sandbox;
  static TestShop shop;
  static AuthJsCore authJs;

  @BeforeAll
  static void start() {
    authJs = AuthJsCore.locate();
    sandbox = TestShop.sandbox(true);
    shop = TestShop.start(sandbox);
  }

  @AfterAll
  static void stop() {
    shop.close();
    sandbox.close();
  }

  @BeforeEach
  void resetClock() {
    shop.clock().reset();
  }

  private static long upstreamCalls(TestShop shop) {
    return shop.client().cacheStats().upstreamCalls();
  }

  private static SessionClaims claims(TestShop shop, ShopperClient browser) {
    DecodeResult result = shop.codec().decode(browser.cookie(SESSION).orElseThrow(), SESSION);
    return ((DecodeResult.Decoded) result).claims();
  }

  @Test
  void copiedCookieWhenSignedOutOnAnotherDeviceThenSignedOutAfterTheIntervalWithItsCartKept() {
    ShopperClient laptop = shop.browser();
    Shopper.signIn(laptop);
    Shopper.setCart(laptop, "cart-of-the-copied-cookie");
    ShopperClient copy = shop.browser().setCookie(SESSION, laptop.cookie(SESSION).orElseThrow());

    laptop.post(
        "/logout", Map.of("_csrf", Shopper.formToken(laptop))); // revokes the customer's tokens

    assertThat(copy.get("/whoami").body())
        .as("within the interval the cookie alone is trusted")
        .startsWith("session:");
    shop.clock().advance(Duration.ofMinutes(5));
    ShopperClient.Response checked = copy.get("/whoami");
    assertThat(checked.body()).isEqualTo("guest loggedIn=false cart=cart-of-the-copied-cookie");
    assertThat(checked.setCookie(SESSION).orElseThrow()).contains("Max-Age=0");
    assertThat(copy.get("/whoami").body())
        .isEqualTo("guest loggedIn=false cart=cart-of-the-copied-cookie");
  }

  @Test
  void validSessionWhenManyRequestsThenOneStoreCallPerIntervalAndReissuedWithTheCheckTime() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    Instant signedIn = claims(shop, browser).customerAccessTokenCheckedAt();
    assertThat(signedIn).as("sign-in counts as a check").isNotNull();

    long before = upstreamCalls(shop);
    for (int i = 0; i < 20; i++) {
      assertThat(browser.get("/whoami").body()).startsWith("session:");
    }
    assertThat(upstreamCalls(shop) - before).as("store calls within the interval").isZero();

    shop.clock().advance(Duration.ofMinutes(6));
    long beforeCheck = upstreamCalls(shop);
    ShopperClient.Response checked = browser.get("/whoami");
    assertThat(upstreamCalls(shop) - beforeCheck).as("store calls for the check").isEqualTo(1);
    assertThat(checked.setCookie(SESSION)).as("re-issued with the check time").isPresent();
    Instant checkedAt = claims(shop, browser).customerAccessTokenCheckedAt();
    assertThat(Duration.between(signedIn, checkedAt)).isGreaterThanOrEqualTo(Duration.ofMinutes(6));

    long after = upstreamCalls(shop);
    for (int i = 0; i < 20; i++) {
      assertThat(browser.get("/whoami").body()).startsWith("session:");
    }
    assertThat(upstreamCalls(shop) - after).isZero();
  }

  @Test
  void guestWhenBrowsingThenNeverChecked() {
    ShopperClient browser = shop.browser();
    browser.get("/");
    shop.clock().advance(Duration.ofHours(1));
    long before = upstreamCalls(shop);

    assertThat(browser.get("/whoami").body()).startsWith("guest");
    assertThat(upstreamCalls(shop) - before).isZero();
  }

  @Test
  void cookieMintedByAuthJsWithoutCheckTimeWhenFirstSeenThenCheckedAndAuthJsReadsTheCheckTime() {
    CustomerLogin login = shop.loginDirectly();
    String token =
        authJs.encode(
            SessionPolicyCookiesTest.catalystClaims(login, null),
            TestShop.SECRET,
            SESSION,
            30L * 24 * 3600);
    ShopperClient browser = shop.browser().setCookie(SESSION, token);
    long before = upstreamCalls(shop);

    assertThat(browser.get("/whoami").body()).startsWith("session:");

    assertThat(upstreamCalls(shop) - before).isEqualTo(1);
    JsonNode decoded =
        authJs.decode(browser.cookie(SESSION).orElseThrow(), TestShop.SECRET, SESSION);
    // the check happens in this request, just before the cookie is encoded (the test clock ticks
    // with real time)
    long iat = decoded.path("value").path("iat").asLong();
    assertThat(decoded.path("value").path("cat_checked_at").asLong()).isBetween(iat - 2, iat);
    assertThat(decoded.path("value").path("user").path("customerAccessToken").asString())
        .isEqualTo(login.accessToken().value());
  }

  @Test
  void revalidationWhenIntervalZeroThenNeverChecked() {
    try (TestShop unchecked =
        TestShop.start(sandbox, "storefront.session.revalidate-interval=0s")) {
      CustomerLogin login = unchecked.loginDirectly();
      unchecked
          .client()
          .logout(login.accessToken(), null, dev.storefrontsession.client.CustomerContext.guest());
      SessionClaims revoked =
          SessionClaims.builder()
              .email(TestShop.SHOPPER_EMAIL)
              .user(
                  SessionUser.builder()
                      .customerAccessToken(
                          new CustomerAccessToken(login.accessToken().value(), null))
                      .build())
              .build();
      ShopperClient browser =
          unchecked.browser().setCookie(SESSION, unchecked.codec().encode(revoked, SESSION));
      long before = upstreamCalls(unchecked);

      assertThat(browser.get("/whoami").body()).startsWith("session:");
      assertThat(upstreamCalls(unchecked) - before).isZero();
    }
  }

  @Test
  void storeUnreachableWhenCheckDueThenSessionKeptAndNotReissued() {
    try (ConfigurableApplicationContext app =
        TestShop.app(
            sandbox,
            "storefront.bigcommerce.graphql-endpoint=http://127.0.0.1:9/graphql",
            "storefront.bigcommerce.connect-timeout=1s",
            "storefront.bigcommerce.request-timeout=2s")) {
      ShopperClient browser =
          new ShopperClient(
              java.net.URI.create(
                  "http://127.0.0.1:"
                      + app.getEnvironment().getProperty("local.server.port")
                      + "/"));
      SessionClaims unchecked =
          SessionClaims.builder()
              .email(TestShop.SHOPPER_EMAIL)
              .user(
                  SessionUser.builder()
                      .customerAccessToken(new CustomerAccessToken("a".repeat(64), null))
                      .carts(new ChannelCarts(null, null).assign("1", "cart-during-outage"))
                      .build())
              .build();
      browser.setCookie(SESSION, shop.codec().encode(unchecked, SESSION));

      ShopperClient.Response response = browser.get("/whoami");

      assertThat(response.body())
          .isEqualTo(
              "session:" + TestShop.SHOPPER_EMAIL + " loggedIn=true cart=cart-during-outage");
      assertThat(response.setCookie(SESSION)).isEmpty();
    }
  }
}
