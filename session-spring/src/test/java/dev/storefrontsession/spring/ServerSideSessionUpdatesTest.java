package dev.storefrontsession.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.spring.testing.AuthJsCore;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link ShopperSessions#update}: server code changes any claim of the signed-in session, the
 * cookie is re-issued once per response, and the session layer's own claims (cart, sign-in and
 * check times) survive every update.
 */
class ServerSideSessionUpdatesTest {

  static final String SESSION = "authjs.session-token";
  static TestShop shop;
  static AuthJsCore authJs;

  @BeforeAll
  static void start() {
    authJs = AuthJsCore.locate();
    shop = TestShop.start();
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  private static SessionClaims claims(ShopperClient browser) {
    return ((DecodeResult.Decoded)
            shop.codec().decode(browser.cookie(SESSION).orElseThrow(), SESSION))
        .claims();
  }

  private static Map<String, String> form(ShopperClient browser, String... keyValues) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", Shopper.formToken(browser));
    for (int i = 0; i < keyValues.length; i += 2) {
      form.put(keyValues[i], keyValues[i + 1]);
    }
    return form;
  }

  @Test
  void updateWhenProfileEditedThenOneReissueAndAuthJsReadsTheNewNamesAndCustomClaim() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    SessionClaims before = claims(browser);

    ShopperClient.Response response =
        browser.post("/profile", form(browser, "firstName", "Janet", "lastName", "Doe"));

    assertThat(response.body()).isEqualTo("updated Janet Doe");
    assertThat(response.setCookies(SESSION)).hasSize(1);
    JsonNode decoded =
        authJs
            .decode(browser.cookie(SESSION).orElseThrow(), TestShop.SECRET, SESSION)
            .path("value");
    assertThat(decoded.path("name").asString()).isEqualTo("Janet Doe");
    assertThat(decoded.path("user").path("firstName").asString()).isEqualTo("Janet");
    assertThat(decoded.path("user").path("lastName").asString()).isEqualTo("Doe");
    assertThat(decoded.path("b2bToken").asString()).isEqualTo("b2b-Janet");
    assertThat(decoded.path("user").path("customerAccessToken").asString())
        .isEqualTo(before.user().orElseThrow().customerAccessToken().orElseThrow().value());
    assertThat(
            Shopper.json(browser.get("/api/auth/session").body())
                .path("user")
                .path("name")
                .asString())
        .isEqualTo("Janet Doe");
  }

  @Test
  void updateWhenComputedFromACopyTakenBeforeACartWasSetThenTheCartAndPolicyClaimsAreKept() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    SessionClaims before = claims(browser);

    ShopperClient.Response response =
        browser.post(
            "/cart-then-stale-update", form(browser, "cartId", "cart-set-in-this-response"));

    assertThat(response.body()).isEqualTo("cart=cart-set-in-this-response");
    assertThat(response.setCookies(SESSION))
        .as("one re-issue for the cart and both updates")
        .hasSize(1);
    SessionClaims after = claims(browser);
    assertThat(after.user().orElseThrow().cartId()).isEqualTo("cart-set-in-this-response");
    assertThat(after.extra()).containsEntry("segment", "vip").containsEntry("second", true);
    assertThat(after.authTime()).isEqualTo(before.authTime());
    assertThat(after.customerAccessTokenCheckedAt())
        .isEqualTo(before.customerAccessTokenCheckedAt());
    assertThat(browser.get("/whoami").body()).endsWith("cart=cart-set-in-this-response");
  }

  @Test
  void updateWhenGuestThenNothingChangesAndNoSessionCookie() {
    ShopperClient browser = shop.browser();
    browser.get("/");

    ShopperClient.Response response =
        browser.post("/profile", form(browser, "firstName", "Nobody", "lastName", "X"));

    assertThat(response.body()).isEqualTo("not signed in");
    assertThat(response.setCookies(SESSION)).isEmpty();
  }

  @Test
  void updateWhenClaimsUnchangedThenNotReissued() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);
    browser.post("/profile", form(browser, "firstName", "Same", "lastName", "Name"));

    ShopperClient.Response again =
        browser.post("/profile", form(browser, "firstName", "Same", "lastName", "Name"));

    assertThat(again.body()).isEqualTo("updated Same Name");
    assertThat(again.setCookies(SESSION)).isEmpty();
  }

  @Test
  void
      concurrentTabsWhenOneSetsACartAndTheOtherSendsTheOlderCookieThenTheOlderIsNotReissuedAndTheCartKept() {
    ShopperClient tab1 = shop.browser();
    Shopper.signIn(tab1);
    Shopper.formToken(tab1);
    ShopperClient tab2 = shop.browser();
    tab1.cookies().forEach(tab2::setCookie); // both tabs hold the same (older) cookie

    ShopperClient.Response cartSet = Shopper.setCart(tab1, "cart-from-tab-1");
    ShopperClient.Response olderCookiePage = tab2.get("/whoami");
    ShopperClient.Response olderCookieUpdate =
        tab2.post("/profile", form(tab2, "firstName", "Tab", "lastName", "Two"));

    assertThat(cartSet.setCookies(SESSION)).hasSize(1);
    assertThat(olderCookiePage.setCookies(SESSION))
        .as("a page view never re-issues a fresh session")
        .isEmpty();
    // an explicit change made from the older cookie is written, and is the one case a browser may
    // order last
    assertThat(olderCookieUpdate.setCookies(SESSION)).hasSize(1);
    assertThat(tab1.get("/whoami").body()).endsWith("cart=cart-from-tab-1");
  }
}
