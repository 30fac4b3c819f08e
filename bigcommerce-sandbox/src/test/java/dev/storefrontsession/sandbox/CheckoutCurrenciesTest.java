package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Checkout in a currency other than the store's (USD): on the French channel (EUR by default) and
 * on the default channel with EUR chosen. BigCommerce converts every store amount (prices,
 * shipping, promotions) from the default currency at the currency's exchange rate (EUR 0.92 per USD
 * in the demo data), and the order is placed and kept in the cart's currency.
 */
class CheckoutCurrenciesTest {

  private static final String CHECKOUT_FIELDS =
      """
      entityId currencyCode
      subtotal { value currencyCode } grandTotal { value currencyCode }
      shippingCostTotal { value currencyCode }
      coupons { code discountedAmount { value currencyCode } }
      shippingConsignments { entityId
        availableShippingOptions { entityId cost { value currencyCode } }
        selectedShippingOption { entityId cost { value currencyCode } } }""";

  private static final String ORDER =
      """
      query($filter: OrderFilterInput) {
        site {
          order(filter: $filter) {
            entityId
            subTotal { value currencyCode formattedV2 }
            shippingCostTotal { value currencyCode }
            totalIncTax { value currencyCode formattedV2 }
            discounts { nonCouponDiscountTotal { value currencyCode }
              couponDiscounts { couponCode discountedAmount { value currencyCode } } }
            consignments { shipping { edges { node { shippingCost { value currencyCode }
              lineItems { edges { node { quantity subTotalListPrice { value currencyCode } } } } } } } }
          }
        }
      }""";

  private static final String ORDERS =
      """
      query { customer { orders(first: 5) { edges { node { entityId
        totalIncTax { value currencyCode } } } } } }""";

  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    server = Fixture.start();
    server.channelSiteUrl(URI.create("http://localhost:4321/"));
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String login(int channel) {
    SandboxHttp.Response r =
        http.request(Documents.LOGIN)
            .channel(channel)
            .variable("email", Fixture.SHOPPER)
            .variable("password", Fixture.SHOPPER_PASSWORD)
            .send();
    assertThat(r.body().has("errors")).as("%s", r.body()).isFalse();
    return r.at("/data/login/customerAccessToken/value").asString();
  }

  /** Two towels (49.00 USD each) in a new cart of {@code channel}, in {@code currency}. */
  private static String cart(int channel, String cat, String currency) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("lineItems", List.of(Map.of("productEntityId", 77, "quantity", 2)));
    if (currency != null) {
      input.put("currencyCode", currency);
    }
    SandboxHttp.Response r =
        http.request(
                "mutation($input: CreateCartInput!) { cart { createCart(input: $input) {"
                    + " cart { entityId currencyCode amount { value }"
                    + " lineItems { physicalItems { entityId } } } } } }")
            .channel(channel)
            .customer(cat)
            .variable("input", input)
            .send();
    assertThat(r.body().has("errors")).as("%s", r.body()).isFalse();
    assertThat(r.at("/data/cart/createCart/cart/currencyCode").asString()).isEqualTo("EUR");
    return r.at("/data/cart/createCart/cart/entityId").asString();
  }

  private static SandboxHttp.Response mutate(
      int channel, String cat, String field, Map<String, Object> input) {
    String type = field.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + field.substring(1);
    SandboxHttp.Request r =
        http.request(
                "mutation($input: "
                    + type
                    + "Input!) { checkout { "
                    + field
                    + "(input: $input) { checkout { "
                    + CHECKOUT_FIELDS
                    + " } } } }")
            .channel(channel)
            .variable("input", input);
    if (cat != null) {
      r.customer(cat);
    }
    return r.send();
  }

  private static JsonNode ok(SandboxHttp.Response r, String field) {
    assertThat(r.body().has("errors")).as("%s", r.body()).isFalse();
    return r.at("/data/checkout/" + field + "/checkout");
  }

  private static String lineId(int channel, String cat, String cartId) {
    return http.request(
            "query($id: String) { site { cart(entityId: $id) {"
                + " lineItems { physicalItems { entityId } } } } }")
        .channel(channel)
        .customer(cat)
        .variable("id", cartId)
        .send()
        .at("/data/site/cart/lineItems/physicalItems/0/entityId")
        .asString();
  }

  private static void assertEuros(JsonNode money, String value) {
    assertThat(money.get("currencyCode").asString()).as("%s", money).isEqualTo("EUR");
    assertThat(money.get("value").decimalValue()).as("%s", money).isEqualByComparingTo(value);
  }

  @ParameterizedTest(name = "channel {0}, currency chosen {1}")
  @CsvSource(value = {"2, ", "1, EUR"})
  void checkoutWhenCartInEurosThenShippingAndCouponConvertedAndTheOrderPlacedInEuros(
      int channel, String chosen) {
    String cat = login(channel);
    String cart = cart(channel, cat, chosen);

    // the cart page's coupon: FIVEOFF is 5.00 USD off from 25.00 USD → 4.60 EUR off from 23.00 EUR
    JsonNode withCoupon =
        ok(
            mutate(
                channel,
                cat,
                "applyCheckoutCoupon",
                Map.of("checkoutEntityId", cart, "data", Map.of("couponCode", "FIVEOFF"))),
            "applyCheckoutCoupon");
    assertThat(withCoupon.get("currencyCode").asString()).isEqualTo("EUR");
    assertEuros(withCoupon.get("subtotal"), "90.16");
    assertEuros(withCoupon.at("/coupons/0/discountedAmount"), "4.60");
    assertEuros(withCoupon.get("grandTotal"), "85.56");

    // shipping estimate: flat 10.00 / express 25.00 USD; free from 100.00 USD (92.00 EUR)
    JsonNode consigned =
        ok(
            mutate(
                channel,
                cat,
                "addCheckoutShippingConsignments",
                Map.of(
                    "checkoutEntityId",
                    cart,
                    "data",
                    Map.of(
                        "consignments",
                        List.of(
                            Map.of(
                                "address",
                                Map.of(
                                    "countryCode",
                                    "US",
                                    "city",
                                    "Austin",
                                    "shouldSaveAddress",
                                    false),
                                "lineItems",
                                List.of(
                                    Map.of(
                                        "lineItemEntityId",
                                        lineId(channel, cat, cart),
                                        "quantity",
                                        2))))))),
            "addCheckoutShippingConsignments");
    JsonNode options = consigned.at("/shippingConsignments/0/availableShippingOptions");
    assertThat(options.get(0).get("entityId").asString()).isEqualTo("flat-rate");
    assertEuros(options.get(0).get("cost"), "9.20");
    assertEuros(options.get(1).get("cost"), "23.00");
    JsonNode selected =
        ok(
            mutate(
                channel,
                cat,
                "selectCheckoutShippingOption",
                Map.of(
                    "checkoutEntityId",
                    cart,
                    "consignmentEntityId",
                    consigned.at("/shippingConsignments/0/entityId").asString(),
                    "data",
                    Map.of("shippingOptionEntityId", "express"))),
            "selectCheckoutShippingOption");
    assertEuros(selected.get("shippingCostTotal"), "23.00");
    assertEuros(selected.get("grandTotal"), "108.56");

    // the hosted checkout: express is 15.00 USD there → 13.80 EUR
    HttpResponse<String> page = checkoutPage(channel, cat, cart);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("90,16\u00a0€", "13,80\u00a0€", "4,60\u00a0€");
    assertThat(page.body()).doesNotContain("$");
    HttpResponse<String> placed = placeWithSavedAddress(page, "express");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
    int order = Checkouts.orderNumber(placed.body());
    assertThat(placed.body()).contains("99,36\u00a0€").doesNotContain("$");

    JsonNode found =
        http.request(ORDER)
            .channel(channel)
            .customer(cat)
            .variable("filter", Map.of("entityId", order))
            .send()
            .at("/data/site/order");
    assertEuros(found.get("subTotal"), "90.16");
    assertEuros(found.get("shippingCostTotal"), "13.80");
    assertEuros(found.at("/discounts/couponDiscounts/0/discountedAmount"), "4.60");
    assertEuros(found.at("/discounts/nonCouponDiscountTotal"), "0");
    assertEuros(found.get("totalIncTax"), "99.36");
    assertThat(found.at("/totalIncTax/formattedV2").asString()).isEqualTo("99,36\u00a0€");
    JsonNode consignment = found.at("/consignments/shipping/edges/0/node");
    assertEuros(consignment.get("shippingCost"), "13.80");
    assertEuros(consignment.at("/lineItems/edges/0/node/subTotalListPrice"), "90.16");
    BigDecimal sum =
        found
            .at("/subTotal/value")
            .decimalValue()
            .add(found.at("/shippingCostTotal/value").decimalValue())
            .subtract(
                found.at("/discounts/couponDiscounts/0/discountedAmount/value").decimalValue());
    assertThat(sum).isEqualByComparingTo(found.at("/totalIncTax/value").decimalValue());

    JsonNode listed =
        http.request(ORDERS).channel(channel).customer(cat).send().at("/data/customer/orders");
    assertThat(listed.at("/edges/0/node/entityId").asInt()).isEqualTo(order);
    assertEuros(listed.at("/edges/0/node/totalIncTax"), "99.36");
  }

  @Test
  void placeOrderWhenEuroCartWithoutCheckoutApiThenTheHostedCheckoutChargesInEuros() {
    String cat = login(2);
    String cart = cart(2, cat, null);
    HttpResponse<String> page = checkoutPage(2, cat, cart);

    HttpResponse<String> placed = placeWithSavedAddress(page, "free");

    int order = Checkouts.orderNumber(placed.body());
    JsonNode found =
        http.request(ORDER)
            .channel(2)
            .customer(cat)
            .variable("filter", Map.of("entityId", order))
            .send()
            .at("/data/site/order");
    assertEuros(found.get("subTotal"), "90.16");
    assertEuros(found.get("totalIncTax"), "90.16");
  }

  @Test
  void giftCertificateWhenCartInEurosThenRefusedAsDefaultCurrencyOnlyAndTheBalanceKept() {
    String cat = login(2);
    String cart = cart(2, cat, null);

    SandboxHttp.Response refused =
        mutate(
            2,
            cat,
            "applyCheckoutGiftCertificate",
            Map.of("checkoutEntityId", cart, "data", Map.of("giftCertificateCode", "GC1")));

    assertThat(refused.firstErrorCode()).isEqualTo("INVALID_INPUT");
    assertThat(refused.body().toString()).contains("USD");
    // the same certificate still pays a dollar checkout in full (balance 25.00)
    String dollars = Fixture.createCart(http, null, 77);
    JsonNode applied =
        ok(
            mutate(
                1,
                null,
                "applyCheckoutGiftCertificate",
                Map.of("checkoutEntityId", dollars, "data", Map.of("giftCertificateCode", "GC1"))),
            "applyCheckoutGiftCertificate");
    assertThat(applied.get("currencyCode").asString()).isEqualTo("USD");
    assertThat(applied.at("/grandTotal/value").decimalValue()).isEqualByComparingTo("49.00");
  }

  /**
   * Places the order on the checkout page with the shopper's saved address and the test payment.
   */
  private static HttpResponse<String> placeWithSavedAddress(
      HttpResponse<String> page, String shipping) {
    return Checkouts.place(
        server,
        Map.of(
            "session",
            Checkouts.session(page.body()),
            "addressId",
            "1",
            "shipping",
            shipping,
            "payment",
            "test"));
  }

  /** The store's checkout page of {@code cart}, reached by its one-time checkout URL. */
  private static HttpResponse<String> checkoutPage(int channel, String cat, String cart) {
    String link =
        http.request(Checkouts.REDIRECT_URLS)
            .channel(channel)
            .customer(cat)
            .variable("cartId", cart)
            .send()
            .at("/data/cart/createCartRedirectUrls/redirectUrls/redirectedCheckoutUrl")
            .asString();
    return Checkouts.get(link);
  }
}
