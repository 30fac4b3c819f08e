package dev.storefrontsession.storefront;

import static dev.storefrontsession.storefront.Shop.TOWEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerAccessToken;
import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.GraphQLRequest;
import dev.storefrontsession.client.GraphQLResponse;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.testing.ShopperClient;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A signed-in shopper checks out in euros, from browsing to the order in their account: on the
 * French channel ({@code /fr}, EUR by default) and on the default channel with EUR chosen. The cart
 * page's coupon is applied through the store's checkout API as Catalyst's cart page does (this
 * storefront has no coupon form); shipping is chosen on the store's checkout. Demo data: a towel is
 * 49.00 USD, EUR is 0.92 per USD, so two towels are 90.16 EUR, the coupon FIVEOFF (5.00 USD off)
 * 4.60 EUR and express shipping (15.00 USD) 13.80 EUR: 99.36 EUR in all.
 */
class CheckoutCurrenciesFlowTest {

  static final String SECRET = "test-secret-for-the-storefront-flow-tests-0123456789";
  static final String SESSION = "authjs.session-token";
  static final SessionCodec CODEC = new SessionCodec(KeyRing.of(SECRET), Clock.systemUTC());

  /** Catalyst's cart page applies a coupon with this mutation (field names of the schema). */
  static final String APPLY_COUPON =
      """
      mutation ApplyCheckoutCouponMutation($input: ApplyCheckoutCouponInput!) {
        checkout {
          applyCheckoutCoupon(input: $input) {
            checkout { entityId currencyCode grandTotal { value currencyCode } }
          }
        }
      }""";

  static RunningStorefront app;

  @BeforeAll
  static void start() {
    app = RunningStorefront.start(false);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static SessionUser user(ShopperClient shopper) {
    DecodeResult result = CODEC.decode(shopper.cookies().get(SESSION), SESSION);
    return ((DecodeResult.Decoded) result).claims().user().orElseThrow();
  }

  /** Applies FIVEOFF to the session's cart of {@code channel} with the shopper's token. */
  private static void applyCoupon(ShopperClient shopper, long channel) {
    SessionUser user = user(shopper);
    String cartId = user.cartIds().get(String.valueOf(channel));
    assertThat(cartId).as("the cart of channel %s", channel).isNotBlank();
    GraphQLResponse applied =
        app.context()
            .getBean(StorefrontClient.class)
            .execute(
                GraphQLRequest.builder(APPLY_COUPON)
                    .variable(
                        "input",
                        Map.of("checkoutEntityId", cartId, "data", Map.of("couponCode", "FIVEOFF")))
                    .context(
                        CustomerContext.customer(
                            new CustomerAccessToken(
                                user.customerAccessToken().orElseThrow().value(), null)))
                    .channelId(channel)
                    .build());
    assertThat(applied.hasErrors()).as("%s", applied).isFalse();
    assertThat(
            applied
                .dataAt("/checkout/applyCheckoutCoupon/checkout/grandTotal/currencyCode")
                .asString())
        .isEqualTo("EUR");
  }

  /** The storefront path and query of a link the store's checkout gives back. */
  private static String local(URI returnUrl) {
    assertThat(returnUrl.getPort()).isEqualTo(app.baseUri().getPort());
    return returnUrl.getRawPath() + "?" + returnUrl.getRawQuery();
  }

  /** Clicks "Check out" on {@code cartPage}; answers the store's checkout page. */
  private static SandboxCheckoutPage checkOut(ShopperClient shopper, String prefix) {
    ShopperClient.Response answer =
        shopper.submit(prefix + "/cart", prefix + "/checkout", Map.of());
    assertThat(answer.status()).as("checkout answer: %s", answer.body()).isEqualTo(303);
    SandboxCheckoutPage page = SandboxCheckoutPage.open(answer.location());
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page;
  }

  private static void assertPlacedInEuros(ShopperClient shopper, SandboxCheckoutPage checkout) {
    assertThat(checkout.body()).contains("90,16", "4,60", "13,80", "€").doesNotContain("$");
    SandboxCheckoutPage placed = checkout.placeOrder(null, "1", "express");
    assertThat(placed.status()).as(placed.body()).isEqualTo(200);
    int order = placed.orderNumber();
    assertThat(placed.body()).contains("99,36").doesNotContain("$");

    ShopperClient.Response confirmation = shopper.get(local(placed.returnUrl()));
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.body()).contains("#" + order, "99,36", "€").doesNotContain("$");

    ShopperClient.Response detail = shopper.get("/fr/account/orders/" + order);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body())
        .contains("Fog Linen Chambray Towel", "90,16", "13,80", "99,36", "€")
        .doesNotContain("$");
    assertThat(shopper.get("/account/orders").body()).contains("#" + order, "99,36");
  }

  @Test
  void checkoutWhenSignedInOnTheFrenchChannelThenTheOrderIsPlacedAndKeptInEuros() {
    ShopperClient shopper = app.shopper();
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    shopper.submit(
        "/fr/product/" + TOWEL,
        "/fr/cart/add",
        Map.of("productEntityId", String.valueOf(TOWEL), "quantity", "2"));
    assertThat(shopper.open("/fr/cart").body()).contains("90,16");
    applyCoupon(shopper, 2);

    assertPlacedInEuros(shopper, checkOut(shopper, "/fr"));
  }

  @Test
  void checkoutWhenSignedInOnTheDefaultChannelWithEurosChosenThenTheOrderIsPlacedInEuros() {
    ShopperClient shopper = app.shopper();
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    Shop.addToCart(shopper, TOWEL, 2);
    shopper.submit("/cart", "/currency", Map.of("currencyCode", "EUR", "redirectTo", "/cart"));
    assertThat(shopper.open("/cart").body()).contains("90,16").doesNotContain("$98.00");
    applyCoupon(shopper, 1);

    assertPlacedInEuros(shopper, checkOut(shopper, ""));
  }
}
