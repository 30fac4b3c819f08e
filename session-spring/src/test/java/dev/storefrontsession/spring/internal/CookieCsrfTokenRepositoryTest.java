package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spring Security's CSRF token for the app's own forms, kept statelessly in the Auth.js CSRF
 * cookie.
 */
class CookieCsrfTokenRepositoryTest {

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
  void formPostWhenCsrfTokenFromAnotherBrowserThenForbidden() {
    ShopperClient attacker = shop.browser();
    String attackerToken = Shopper.formToken(attacker);
    ShopperClient victim = shop.browser();
    victim.get("/");

    ShopperClient.Response response =
        victim.post("/cart", Map.of("cartId", "x", "_csrf", attackerToken));

    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void formPostWhenCsrfTokenFromThePageThenAccepted() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response response = Shopper.setCart(browser, "form-cart");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("cart=form-cart");
  }

  @Test
  void formTokenWhenAuthJsCsrfCookieExistsThenTheSameTokenServesBoth() {
    ShopperClient browser = shop.browser();
    String authJsToken = Shopper.csrf(browser);
    String cookie = browser.cookie("authjs.csrf-token").orElseThrow();

    ShopperClient.Response form = browser.get("/form");

    assertThat(form.setCookies("authjs.csrf-token")).isEmpty();
    assertThat(browser.cookie("authjs.csrf-token")).contains(cookie);
    assertThat(cookie).startsWith(authJsToken);
    assertThat(Shopper.setCart(browser, "shared-token-cart").status()).isEqualTo(200);
  }

  @Test
  void pageWhenNoCsrfCookieThenOneIsIssuedForItsForms() {
    ShopperClient browser = shop.browser();

    ShopperClient.Response page = browser.get("/form");

    assertThat(page.setCookie("authjs.csrf-token").orElseThrow())
        .contains("%7C", "; HttpOnly", "; SameSite=Lax");
    assertThat(page.body()).isNotBlank();
  }

  @Test
  void formPostWhenCsrfCookieHashForgedThenForbidden() {
    ShopperClient browser = shop.browser();
    String token = Shopper.formToken(browser);
    String cookie = browser.cookie("authjs.csrf-token").orElseThrow();
    browser.setCookie(
        "authjs.csrf-token", cookie.substring(0, cookie.indexOf("%7C")) + "%7C" + "0".repeat(64));

    ShopperClient.Response response = browser.post("/cart", Map.of("cartId", "x", "_csrf", token));

    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void formPageWhenCsrfCookieHashForgedThenANewCookieIsIssuedAndItsFormPostIsAccepted() {
    ShopperClient browser = shop.browser();
    browser.get("/");
    String cookie = browser.cookie("authjs.csrf-token").orElseThrow();
    String forged = cookie.substring(0, cookie.indexOf("%7C")) + "%7C" + "0".repeat(64);
    browser.setCookie("authjs.csrf-token", forged);

    ShopperClient.Response response = Shopper.setCart(browser, "after-a-forged-cookie");

    assertThat(response.status()).isEqualTo(200);
    assertThat(browser.cookie("authjs.csrf-token").orElseThrow()).isNotEqualTo(forged);
  }

  @Test
  void pageWhenCsrfCookiePresentThenNoNewCsrfCookie() {
    ShopperClient browser = shop.browser();
    browser.get("/");

    ShopperClient.Response again = browser.get("/");

    assertThat(again.setCookies("authjs.csrf-token")).isEmpty();
  }
}
