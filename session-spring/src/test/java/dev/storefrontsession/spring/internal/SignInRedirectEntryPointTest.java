package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Protected routes redirect to the login page; CSRF refusals on the app's own forms are a 403. */
class SignInRedirectEntryPointTest {

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
  void accountPageWhenNoSessionThenRedirectToLoginWithRedirectTo() {
    ShopperClient.Response response = shop.browser().get("/account/orders");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo("/login?redirectTo=%2Faccount%2Forders");
  }

  @Test
  void accountPageWhenQueryThenRedirectToKeepsPathAndQuery() {
    ShopperClient.Response response = shop.browser().get("/account/orders?page=2");

    assertThat(response.location()).isEqualTo("/login?redirectTo=%2Faccount%2Forders%3Fpage%3D2");
  }

  @Test
  void accountPageWhenSignedInThenServed() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);

    ShopperClient.Response response = browser.get("/account/orders");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("orders of " + TestShop.SHOPPER_EMAIL);
  }

  @Test
  void accountPageWhenSessionHasNoCustomerAccessTokenThenRedirectToLogin() {
    ShopperClient browser = shop.browser();
    SessionClaims noCat =
        SessionClaims.builder()
            .email("someone@example.com")
            .user(SessionUser.builder().cartId("c").build())
            .build();
    browser.setCookie(
        "authjs.session-token",
        shop.codec().encode(noCat, "authjs.session-token", Duration.ofDays(1)));

    ShopperClient.Response response = browser.get("/account/orders");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo("/login?redirectTo=%2Faccount%2Forders");
  }

  @Test
  void accountPageWhenSessionCookieForgedThenRedirectToLogin() {
    ShopperClient browser =
        shop.browser().setCookie("authjs.session-token", "forged.token.value.x.y");

    ShopperClient.Response response = browser.get("/account/settings");

    assertThat(response.location()).isEqualTo("/login?redirectTo=%2Faccount%2Fsettings");
  }

  @Test
  void formPostWhenCsrfTokenMissingThenForbiddenWithExplanation() {
    ShopperClient browser = shop.browser();
    browser.get("/");

    ShopperClient.Response response = browser.post("/cart", Map.of("cartId", "x"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).contains("CSRF");
    assertThat(browser.get("/whoami").body()).endsWith("cart=none");
  }
}
