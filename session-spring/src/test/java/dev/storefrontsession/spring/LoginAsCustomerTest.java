package dev.storefrontsession.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.storefrontsession.client.CustomerLogin;
import dev.storefrontsession.spring.internal.DefaultShopperSignIn;
import dev.storefrontsession.spring.testing.AuthJsCore;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Login as customer: a Customer Login JWT with {@code impersonator_id} (issued by the sandbox as
 * BigCommerce's control panel does) keeps the staff member in the session, logs them at sign-in,
 * and no server code or password renewal turns it into the customer's own session. Catalyst drops
 * the claim.
 */
class LoginAsCustomerTest {

  static final String SESSION = "authjs.session-token";
  static TestShop shop;
  static AuthJsCore authJs;
  static long customerId;

  @BeforeAll
  static void start() {
    authJs = AuthJsCore.locate();
    shop = TestShop.start();
    customerId = shop.loginDirectly().customer().entityId();
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  private static ShopperClient signInAsCustomer(long staffId) {
    ShopperClient browser = shop.browser();
    String jwt = shop.sandbox().loginAsCustomerJwt(customerId, staffId, "/account/orders");
    ShopperClient.Response response =
        browser.post("/login/token", Map.of("jwt", jwt, "_csrf", Shopper.formToken(browser)));
    assertThat(response.body()).startsWith("success");
    return browser;
  }

  @Test
  void signInWhenJwtNamesAStaffMemberThenTheSessionKeepsThemAndTheSignInIsLogged() {
    Logger logger = (Logger) LoggerFactory.getLogger(DefaultShopperSignIn.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    ch.qos.logback.classic.Level level = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.INFO); // the test shop logs WARN and above
    ShopperClient browser;
    try {
      browser = signInAsCustomer(1);
    } finally {
      logger.setLevel(level);
      logger.detachAppender(events);
    }

    assertThat(browser.get("/impersonation").body()).isEqualTo("impersonated by staff 1");
    assertThat(events.list)
        .anySatisfy(
            event ->
                assertThat(event.getFormattedMessage())
                    .isEqualTo(
                        "Store staff 1 signed in as customer "
                            + customerId
                            + " (login as customer)"));
    JsonNode claims =
        authJs
            .decode(browser.cookie(SESSION).orElseThrow(), TestShop.SECRET, SESSION)
            .path("value");
    assertThat(claims.path("impersonator_id").asLong()).as("Auth.js reads the claim").isEqualTo(1);
  }

  @Test
  void signInWhenPasswordThenNotImpersonated() {
    ShopperClient browser = shop.browser();
    Shopper.signIn(browser);

    assertThat(browser.get("/impersonation").body()).isEqualTo("the customer");
    assertThat(
            authJs
                .decode(browser.cookie(SESSION).orElseThrow(), TestShop.SECRET, SESSION)
                .path("value")
                .has("impersonator_id"))
        .isFalse();
  }

  @Test
  void signInWhenStaffMayNotLoginAsCustomersThenRefusedBySandbox() {
    ShopperClient browser = shop.browser();
    String jwt = shop.sandbox().loginAsCustomerJwt(customerId, 2, null);

    assertThat(
            browser
                .post("/login/token", Map.of("jwt", jwt, "_csrf", Shopper.formToken(browser)))
                .body())
        .startsWith("failure INVALID_TOKEN");
    assertThat(browser.cookie(SESSION)).isEmpty();
  }

  @Test
  void updateWhenServerCodeDropsTheImpersonatorThenItIsKept() {
    ShopperClient browser = signInAsCustomer(1);

    ShopperClient.Response response =
        browser.post("/hide-impersonator", Map.of("_csrf", Shopper.formToken(browser)));

    assertThat(response.body()).isEqualTo("impersonated by staff 1");
    assertThat(browser.get("/impersonation").body()).isEqualTo("impersonated by staff 1");
  }

  @Test
  void renewAfterPasswordChangeWhenImpersonatedThenRefusedAndStillImpersonated() {
    ShopperClient browser = signInAsCustomer(1);

    ShopperClient.Response response =
        browser.post(
            "/renew",
            Map.of("password", TestShop.SHOPPER_PASSWORD, "_csrf", Shopper.formToken(browser)));

    assertThat(response.body())
        .isEqualTo(
            "failure INVALID_CREDENTIALS: Not allowed while store staff are signed in as this customer.");
    assertThat(browser.get("/impersonation").body()).isEqualTo("impersonated by staff 1");
  }

  @Test
  void cookieMintedByAuthJsWithImpersonatorThenReadHereAsImpersonated() {
    CustomerLogin login = shop.loginDirectly();
    Map<String, Object> claims =
        new LinkedHashMap<>(SessionPolicyCookiesTest.catalystClaims(login, null));
    claims.put("impersonator_id", 1);
    String token = authJs.encode(claims, TestShop.SECRET, SESSION, 3600);

    assertThat(shop.browser().setCookie(SESSION, token).get("/impersonation").body())
        .isEqualTo("impersonated by staff 1");
  }
}
