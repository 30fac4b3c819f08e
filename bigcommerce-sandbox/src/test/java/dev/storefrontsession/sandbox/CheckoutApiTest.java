package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Storefront checkout API of a cart (Catalyst's cart page: shipping estimate, coupons, gift
 * certificates): the store's rules and the totals they make, on the demo data.
 */
class CheckoutApiTest {

  private static final String CHECKOUT_FIELDS =
      """
      entityId currencyCode
      subtotal { value } grandTotal { value } taxTotal { value } outstandingBalance { value }
      shippingCostTotal { value } handlingCostTotal { value }
      coupons { entityId code couponType discountedAmount { value } }
      giftCertificates { code balance { value } used { value } remaining { value } }
      shippingConsignments { entityId lineItemIds address { countryCode city }
        availableShippingOptions { entityId description cost { value } isRecommended }
        selectedShippingOption { entityId cost { value } } }""";

  private static final String CHECKOUT =
      "query($id: String) { site { checkout(entityId: $id) { " + CHECKOUT_FIELDS + " } } }";

  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    server = Fixture.start();
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode checkout(String cat, String cartId) {
    SandboxHttp.Request r = http.request(CHECKOUT).variable("id", cartId);
    if (cat != null) {
      r.customer(cat);
    }
    return r.send().at("/data/site/checkout");
  }

  /**
   * Sends {@code checkout { <field>(input: $input) { checkout { … } } }}; answers the whole
   * response.
   */
  private static SandboxHttp.Response mutate(
      String cat, String field, String inputType, Map<String, Object> input) {
    SandboxHttp.Request r =
        http.request(
                "mutation($input: "
                    + inputType
                    + "!) { checkout { "
                    + field
                    + "(input: $input) { checkout { "
                    + CHECKOUT_FIELDS
                    + " } } } }")
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

  private static String lineId(String cat, String cartId, int index) {
    return Fixture.cart(http, cat, cartId)
        .at("/lineItems/physicalItems/" + index + "/entityId")
        .asString();
  }

  private static Map<String, Object> consignment(String countryCode, String... lineIds) {
    List<Map<String, Object>> lines =
        java.util.Arrays.stream(lineIds)
            .map(id -> Map.<String, Object>of("lineItemEntityId", id, "quantity", 1))
            .toList();
    return Map.of(
        "address",
        Map.of(
            "firstName",
            "Sam",
            "lastName",
            "Shopper",
            "address1",
            "12 Market Street",
            "city",
            "Austin",
            "countryCode",
            countryCode,
            "postalCode",
            "78701",
            "shouldSaveAddress",
            false),
        "lineItems",
        lines);
  }

  private static JsonNode addConsignment(
      String cat, String cartId, String countryCode, String... lineIds) {
    return ok(
        mutate(
            cat,
            "addCheckoutShippingConsignments",
            "AddCheckoutShippingConsignmentsInput",
            Map.of(
                "checkoutEntityId",
                cartId,
                "data",
                Map.of("consignments", List.of(consignment(countryCode, lineIds))))),
        "addCheckoutShippingConsignments");
  }

  private static SandboxHttp.Response select(
      String cat, String cartId, String consignmentId, String optionId) {
    return mutate(
        cat,
        "selectCheckoutShippingOption",
        "SelectCheckoutShippingOptionInput",
        Map.of(
            "checkoutEntityId",
            cartId,
            "consignmentEntityId",
            consignmentId,
            "data",
            Map.of("shippingOptionEntityId", optionId)));
  }

  private static SandboxHttp.Response coupon(String cat, String cartId, String field, String code) {
    String type =
        field.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + field.substring(1) + "Input";
    return mutate(
        cat, field, type, Map.of("checkoutEntityId", cartId, "data", Map.of("couponCode", code)));
  }

  private static SandboxHttp.Response giftCertificate(
      String cat, String cartId, String field, String code) {
    String type =
        field.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + field.substring(1) + "Input";
    return mutate(
        cat,
        field,
        type,
        Map.of("checkoutEntityId", cartId, "data", Map.of("giftCertificateCode", code)));
  }

  @Test
  void checkoutWhenCartHasLinesThenItsTotalsWithoutShippingOrTax() {
    String cart = Fixture.createCart(http, null, 77, 83);
    JsonNode c = checkout(null, cart);
    assertThat(c.get("entityId").asString()).isEqualTo(cart);
    assertThat(c.get("currencyCode").asString()).isEqualTo("USD");
    assertThat(c.at("/subtotal/value").decimalValue()).isEqualByComparingTo("56.50");
    assertThat(c.at("/grandTotal/value").decimalValue()).isEqualByComparingTo("56.50");
    assertThat(c.at("/taxTotal/value").decimalValue()).isZero();
    assertThat(c.at("/shippingCostTotal/value").decimalValue()).isZero();
    assertThat(c.get("shippingConsignments").size()).isZero();
    assertThat(checkout(null, "no-such-cart").isNull()).isTrue();
  }

  @Test
  void consignmentWhenDomesticThenFlatRateAndExpressAndTheChosenOneIsCharged() {
    String cart = Fixture.createCart(http, null, 77);
    JsonNode c = addConsignment(null, cart, "US", lineId(null, cart, 0));
    JsonNode consignment = c.at("/shippingConsignments/0");
    assertThat(consignment.at("/address/countryCode").asString()).isEqualTo("US");
    assertThat(consignment.at("/availableShippingOptions/0/entityId").asString())
        .isEqualTo("flat-rate");
    assertThat(consignment.at("/availableShippingOptions/0/isRecommended").asBoolean()).isTrue();
    assertThat(consignment.at("/availableShippingOptions/1/cost/value").decimalValue())
        .isEqualByComparingTo("25");
    assertThat(consignment.get("selectedShippingOption").isNull()).isTrue();
    JsonNode selected =
        ok(
            select(null, cart, consignment.get("entityId").asString(), "express"),
            "selectCheckoutShippingOption");
    assertThat(selected.at("/shippingConsignments/0/selectedShippingOption/entityId").asString())
        .isEqualTo("express");
    assertThat(selected.at("/shippingCostTotal/value").decimalValue()).isEqualByComparingTo("25");
    assertThat(selected.at("/grandTotal/value").decimalValue()).isEqualByComparingTo("74");
  }

  @Test
  void consignmentWhenSubtotalFromOneHundredThenFreeShippingInsteadOfFlatRate() {
    String cart = Fixture.createCart(http, null, 84);
    JsonNode options =
        addConsignment(null, cart, "US", lineId(null, cart, 0))
            .at("/shippingConsignments/0/availableShippingOptions");
    assertThat(options.at("/0/entityId").asString()).isEqualTo("free-shipping");
    assertThat(options.at("/0/cost/value").decimalValue()).isZero();
  }

  @Test
  void consignmentWhenAbroadOrNotServedThenInternationalRateOrNone() {
    String cart = Fixture.createCart(http, null, 77, 83);
    JsonNode c = addConsignment(null, cart, "fr", lineId(null, cart, 0));
    assertThat(c.at("/shippingConsignments/0/address/countryCode").asString()).isEqualTo("FR");
    assertThat(c.at("/shippingConsignments/0/availableShippingOptions/0/entityId").asString())
        .isEqualTo("international");
    JsonNode nowhere = addConsignment(null, cart, "JP", lineId(null, cart, 1));
    assertThat(nowhere.at("/shippingConsignments/1/availableShippingOptions").size()).isZero();
    String consignment = nowhere.at("/shippingConsignments/1/entityId").asString();
    assertThat(select(null, cart, consignment, "flat-rate").firstErrorCode())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void updateConsignmentWhenAddressChangesThenOptionsFollowAndTheChoiceIsCleared() {
    String cart = Fixture.createCart(http, null, 77);
    String line = lineId(null, cart, 0);
    String consignment =
        addConsignment(null, cart, "US", line).at("/shippingConsignments/0/entityId").asString();
    ok(select(null, cart, consignment, "flat-rate"), "selectCheckoutShippingOption");
    JsonNode updated =
        ok(
            mutate(
                null,
                "updateCheckoutShippingConsignment",
                "UpdateCheckoutShippingConsignmentInput",
                Map.of(
                    "checkoutEntityId",
                    cart,
                    "consignmentEntityId",
                    consignment,
                    "data",
                    Map.of("consignment", consignment("CA", line)))),
            "updateCheckoutShippingConsignment");
    assertThat(updated.at("/shippingConsignments/0/availableShippingOptions/0/entityId").asString())
        .isEqualTo("international");
    assertThat(updated.at("/shippingConsignments/0/selectedShippingOption").isNull()).isTrue();
    assertThat(updated.at("/shippingCostTotal/value").decimalValue()).isZero();
  }

  @Test
  void deleteConsignmentWhenChosenShippingThenItsCostLeavesTheTotal() {
    String cart = Fixture.createCart(http, null, 77);
    String consignment =
        addConsignment(null, cart, "US", lineId(null, cart, 0))
            .at("/shippingConsignments/0/entityId")
            .asString();
    ok(select(null, cart, consignment, "flat-rate"), "selectCheckoutShippingOption");
    assertThat(checkout(null, cart).at("/grandTotal/value").decimalValue())
        .isEqualByComparingTo("59");
    JsonNode c =
        ok(
            mutate(
                null,
                "deleteCheckoutConsignment",
                "DeleteCheckoutConsignmentInput",
                Map.of("checkoutEntityId", cart, "consignmentEntityId", consignment)),
            "deleteCheckoutConsignment");
    assertThat(c.get("shippingConsignments").size()).isZero();
    assertThat(c.at("/grandTotal/value").decimalValue()).isEqualByComparingTo("49");
  }

  @Test
  void consignmentWhenALineMovesToAnotherThenTheEmptyOneGoes() {
    String cart = Fixture.createCart(http, null, 77);
    String line = lineId(null, cart, 0);
    addConsignment(null, cart, "US", line);
    JsonNode c = addConsignment(null, cart, "CA", line);
    assertThat(c.get("shippingConsignments").size()).isEqualTo(1);
    assertThat(c.at("/shippingConsignments/0/address/countryCode").asString()).isEqualTo("CA");
    assertThat(c.at("/shippingConsignments/0/lineItemIds/0").asString()).isEqualTo(line);
  }

  @Test
  void consignmentWhenLineUnknownOrCountryInvalidOrConsignmentUnknownThenErrorsAndNothingChanged() {
    String cart = Fixture.createCart(http, null, 77);
    Map<String, Object> unknownLine =
        Map.of(
            "checkoutEntityId",
            cart,
            "data",
            Map.of("consignments", List.of(consignment("US", "not-a-line"))));
    assertThat(
            mutate(
                    null,
                    "addCheckoutShippingConsignments",
                    "AddCheckoutShippingConsignmentsInput",
                    unknownLine)
                .firstErrorCode())
        .isEqualTo("NOT_FOUND");
    Map<String, Object> badCountry =
        Map.of(
            "checkoutEntityId",
            cart,
            "data",
            Map.of("consignments", List.of(consignment("USA", lineId(null, cart, 0)))));
    assertThat(
            mutate(
                    null,
                    "addCheckoutShippingConsignments",
                    "AddCheckoutShippingConsignmentsInput",
                    badCountry)
                .firstErrorCode())
        .isEqualTo("INVALID_INPUT");
    assertThat(select(null, cart, "no-such-consignment", "flat-rate").firstErrorCode())
        .isEqualTo("NOT_FOUND");
    assertThat(checkout(null, cart).get("shippingConsignments").size()).isZero();
  }

  @Test
  void couponWhenPercentageThenDiscountedUntilUnapplied() {
    String cart = Fixture.createCart(http, null, 77, 83);
    JsonNode c = ok(coupon(null, cart, "applyCheckoutCoupon", "save10"), "applyCheckoutCoupon");
    assertThat(c.at("/coupons/0/code").asString()).isEqualTo("SAVE10");
    assertThat(c.at("/coupons/0/couponType").asString()).isEqualTo("PERCENTAGE_DISCOUNT");
    assertThat(c.at("/coupons/0/discountedAmount/value").decimalValue())
        .isEqualByComparingTo("5.65");
    assertThat(c.at("/grandTotal/value").decimalValue()).isEqualByComparingTo("50.85");
    JsonNode after =
        ok(coupon(null, cart, "unapplyCheckoutCoupon", "SAVE10"), "unapplyCheckoutCoupon");
    assertThat(after.get("coupons").size()).isZero();
    assertThat(after.at("/grandTotal/value").decimalValue()).isEqualByComparingTo("56.50");
    assertThat(coupon(null, cart, "unapplyCheckoutCoupon", "SAVE10").firstErrorCode())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void couponWhenUnknownDisabledOrBelowMinimumThenRefused() {
    String small = Fixture.createCart(http, null, 83);
    assertThat(coupon(null, small, "applyCheckoutCoupon", "FIVEOFF").firstErrorCode())
        .isEqualTo("INVALID_INPUT");
    assertThat(coupon(null, small, "applyCheckoutCoupon", "EXPIRED").firstErrorCode())
        .isEqualTo("INVALID_INPUT");
    assertThat(coupon(null, small, "applyCheckoutCoupon", "NOPE").firstErrorCode())
        .isEqualTo("INVALID_INPUT");
    assertThat(checkout(null, small).get("coupons").size()).isZero();
    String big = Fixture.createCart(http, null, 77);
    assertThat(
            ok(coupon(null, big, "applyCheckoutCoupon", "FIVEOFF"), "applyCheckoutCoupon")
                .at("/grandTotal/value")
                .decimalValue())
        .isEqualByComparingTo("44");
  }

  @Test
  void giftCertificateWhenAppliedThenUsedUpToTheTotalAndTheRestRemains() {
    String cart = Fixture.createCart(http, null, 77);
    JsonNode c =
        ok(
            giftCertificate(null, cart, "applyCheckoutGiftCertificate", "GC1"),
            "applyCheckoutGiftCertificate");
    assertThat(c.at("/giftCertificates/0/used/value").decimalValue()).isEqualByComparingTo("25");
    assertThat(c.at("/giftCertificates/0/remaining/value").decimalValue()).isZero();
    assertThat(c.at("/outstandingBalance/value").decimalValue()).isEqualByComparingTo("24");
    assertThat(c.at("/grandTotal/value").decimalValue()).isEqualByComparingTo("49");
    JsonNode big =
        ok(
            giftCertificate(null, cart, "applyCheckoutGiftCertificate", "GC-BIG"),
            "applyCheckoutGiftCertificate");
    assertThat(big.at("/outstandingBalance/value").decimalValue()).isZero();
    assertThat(big.at("/giftCertificates/0/code").asString()).isEqualTo("GC-BIG");
    assertThat(big.at("/giftCertificates/0/used/value").decimalValue()).isEqualByComparingTo("49");
    assertThat(big.at("/giftCertificates/0/remaining/value").decimalValue())
        .isEqualByComparingTo("451");
    assertThat(big.at("/giftCertificates/1/used/value").decimalValue()).isZero();
    JsonNode removed =
        ok(
            giftCertificate(null, cart, "unapplyCheckoutGiftCertificate", "GC-BIG"),
            "unapplyCheckoutGiftCertificate");
    assertThat(removed.at("/outstandingBalance/value").decimalValue()).isEqualByComparingTo("24");
    assertThat(giftCertificate(null, cart, "applyCheckoutGiftCertificate", "NOPE").firstErrorCode())
        .isEqualTo("INVALID_INPUT");
  }

  @Test
  void checkoutWhenCartIsAnotherCustomersThenHiddenAndUnchangeable() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    String cart = Fixture.createCart(http, cat, 77);
    assertThat(checkout(cat, cart).get("entityId").asString()).isEqualTo(cart);
    assertThat(checkout(null, cart).isNull()).isTrue();
    assertThat(coupon(null, cart, "applyCheckoutCoupon", "SAVE10").firstErrorCode())
        .isEqualTo("NOT_FOUND");
    String other = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    assertThat(coupon(other, cart, "applyCheckoutCoupon", "SAVE10").firstErrorCode())
        .isEqualTo("NOT_FOUND");
    assertThat(checkout(cat, cart).get("coupons").size()).isZero();
  }

  @Test
  void placedOrderWhenCouponAndGiftCertificateAppliedThenDiscountedPaidAndBalanceSpent() {
    String cart = Fixture.createCart(http, null, 77);
    ok(coupon(null, cart, "applyCheckoutCoupon", "SAVE10"), "applyCheckoutCoupon");
    ok(
        giftCertificate(null, cart, "applyCheckoutGiftCertificate", "GC-SPEND"),
        "applyCheckoutGiftCertificate");
    String page = Checkouts.get(Checkouts.link(http, null, cart)).body();
    assertThat(page).contains("Coupon SAVE10: &minus;$4.90").contains("Gift certificate GC-SPEND");
    java.net.http.HttpResponse<String> placed =
        Checkouts.place(server, Checkouts.guestForm(Checkouts.session(page)));
    int order = Checkouts.orderNumber(placed.body());
    JsonNode found =
        http.request(
                """
        query($filter: OrderFilterInput) { site { order(filter: $filter) { entityId totalIncTax { value }
          subTotal { value } discounts { nonCouponDiscountTotal { value }
          couponDiscounts { couponCode discountedAmount { value } } } } } }""")
            .variable("filter", Map.of("entityId", order, "cartEntityId", cart))
            .send()
            .at("/data/site/order");
    assertThat(found.at("/subTotal/value").decimalValue()).isEqualByComparingTo("49");
    assertThat(found.at("/totalIncTax/value").decimalValue()).isEqualByComparingTo("44.10");
    assertThat(found.at("/discounts/couponDiscounts/0/couponCode").asString()).isEqualTo("SAVE10");
    assertThat(found.at("/discounts/couponDiscounts/0/discountedAmount/value").decimalValue())
        .isEqualByComparingTo("4.90");
    assertThat(found.at("/discounts/nonCouponDiscountTotal/value").decimalValue()).isZero();
    String next = Fixture.createCart(http, null, 83);
    assertThat(
            giftCertificate(null, next, "applyCheckoutGiftCertificate", "GC-SPEND")
                .firstErrorCode())
        .as("the order spent the whole $25 balance")
        .isEqualTo("INVALID_INPUT");
  }
}
