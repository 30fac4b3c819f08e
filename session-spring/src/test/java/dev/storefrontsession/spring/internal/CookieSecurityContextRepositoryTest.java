package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The security context comes from the session cookie, decoded only when someone asks for it. */
class CookieSecurityContextRepositoryTest {

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
  void pageWhenSessionCookieIsInvalidButNobodyReadsItThenItIsNotDecodedNorTouched() {
    ShopperClient browser = shop.browser().setCookie(SESSION, "garbage");

    ShopperClient.Response response = browser.get("/");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.setsCookieStartingWith(SESSION)).isFalse();
    assertThat(response.setCookies(ANONYMOUS)).isEmpty();
  }

  @Test
  void principalWhenSignedInThenShopperSessionIsTheAuthenticationPrincipal() {
    ShopperClient browser = shop.browser();
    assertThat(browser.get("/principal").body()).isEqualTo("anonymous");

    Shopper.signIn(browser);

    assertThat(browser.get("/principal").body()).isEqualTo("principal:" + TestShop.SHOPPER_EMAIL);
    assertThat(browser.get("/whoami").body())
        .startsWith("session:" + TestShop.SHOPPER_EMAIL + " loggedIn=true");
  }

  @Test
  void principalWhenSessionCookieInvalidThenAnonymousAndCookieCleared() {
    ShopperClient browser = shop.browser().setCookie(SESSION, "garbage");

    ShopperClient.Response response = browser.get("/principal");

    assertThat(response.body()).isEqualTo("anonymous");
    assertThat(response.setCookie(SESSION).orElseThrow()).contains("Max-Age=0");
  }
}
