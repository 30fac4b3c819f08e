package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer access token the store rejects signs the shopper out and keeps the cart; outages never
 * do.
 */
class ShopperSessionExceptionAdviceTest {

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

  @Test
  void customerQueryWhenTokenValidThenAnsweredForTheCustomer() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);

    ShopperClient.Response response = browser.get("/customer");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("customer:" + TestShop.SHOPPER_EMAIL);
  }

  @Test
  void customerQueryWhenStoreRevokedTheTokenThenSignedOutCartKeptAndRedirectedToLogin() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    Shopper.setCart(browser, "cart-to-keep");
    SessionClaims claims =
        ((DecodeResult.Decoded) shop.codec().decode(browser.cookie(SESSION).orElseThrow(), SESSION))
            .claims();
    var cat = claims.user().orElseThrow().customerAccessToken().orElseThrow();
    shop.client()
        .logout(
            new dev.storefrontsession.client.CustomerAccessToken(cat.value(), cat.expiresAt()),
            null,
            CustomerContext.guest());

    ShopperClient.Response response = browser.get("/customer");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo("/login");
    assertThat(response.setCookie(SESSION).orElseThrow()).contains("Max-Age=0");
    assertThat(browser.cookie(SESSION)).isEmpty();
    SessionClaims anonymous =
        ((DecodeResult.Decoded)
                shop.codec().decode(browser.cookie(ANONYMOUS).orElseThrow(), ANONYMOUS))
            .claims();
    assertThat(anonymous.user().orElseThrow().cartId()).isEqualTo("cart-to-keep");
    assertThat(browser.get("/whoami").body()).isEqualTo("guest loggedIn=false cart=cart-to-keep");
  }

  @Test
  void pageWhenStoreTimesOutThenSessionKept() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    String before = browser.cookie(SESSION).orElseThrow();

    ShopperClient.Response response = browser.get("/upstream-down");

    assertThat(response.status()).isGreaterThanOrEqualTo(500);
    assertThat(response.setsCookieStartingWith(SESSION)).isFalse();
    assertThat(browser.cookie(SESSION)).contains(before);
    assertThat(browser.get("/customer").body()).isEqualTo("customer:" + TestShop.SHOPPER_EMAIL);
  }
}
