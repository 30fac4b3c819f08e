package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.ApiException;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.CheckoutView;
import dev.storefrontsession.sandbox.internal.service.CheckoutApiService;
import dev.storefrontsession.sandbox.internal.service.CheckoutApiService.AddressInput;
import dev.storefrontsession.sandbox.internal.service.CheckoutApiService.ConsignmentInput;
import dev.storefrontsession.sandbox.internal.service.CheckoutApiService.LineQuantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code site.checkout} and the {@code checkout { … }} mutations Catalyst's cart page sends:
 * shipping consignments, the shipping option, coupons and gift certificates. Each answers the
 * checkout as it now is.
 */
@Controller
public class CheckoutApiController {

  /** A mutation result: {@code { checkout }}. */
  public record CheckoutResult(CheckoutView checkout) {}

  private final CheckoutApiService checkouts;

  public CheckoutApiController(CheckoutApiService checkouts) {
    this.checkouts = checkouts;
  }

  @SchemaMapping(typeName = "Site")
  public @Nullable CheckoutView checkout(
      @Argument @Nullable String entityId,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return entityId == null ? null : checkouts.find(entityId, requester).orElse(null);
  }

  @SchemaMapping(typeName = "CheckoutMutations")
  public CheckoutResult addCheckoutShippingConsignments(
      @Argument Map<String, Object> input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    List<ConsignmentInput> consignments = new ArrayList<>();
    for (Object c : list(map(input.get("data")).get("consignments"))) {
      consignments.add(consignment(map(c)));
    }
    return new CheckoutResult(
        checkouts.addConsignments(
            requester, string(input, "checkoutEntityId"), version(input), consignments));
  }

  @SchemaMapping(typeName = "CheckoutMutations")
  public CheckoutResult updateCheckoutShippingConsignment(
      @Argument Map<String, Object> input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new CheckoutResult(
        checkouts.updateConsignment(
            requester,
            string(input, "checkoutEntityId"),
            string(input, "consignmentEntityId"),
            version(input),
            consignment(map(map(input.get("data")).get("consignment")))));
  }

  @SchemaMapping(typeName = "CheckoutMutations")
  public CheckoutResult deleteCheckoutConsignment(
      @Argument Map<String, Object> input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new CheckoutResult(
        checkouts.deleteConsignment(
            requester,
            string(input, "checkoutEntityId"),
            string(input, "consignmentEntityId"),
            version(input)));
  }

  @SchemaMapping(typeName = "CheckoutMutations")
  public CheckoutResult selectCheckoutShippingOption(
      @Argument Map<String, Object> input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new CheckoutResult(
        checkouts.selectShippingOption(
            requester,
            string(input, "checkoutEntityId"),
            string(input, "consignmentEntityId"),
            version(input),
            string(map(input.get("data")), "shippingOptionEntityId")));
  }

  @SchemaMapping(typeName = "CheckoutMutations")
  public CheckoutResult applyCheckoutCoupon(
      @Argument Map<String, Object> input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new CheckoutResult(
        checkouts.applyCoupon(
            requester,
            string(input, "checkoutEntityId"),
            version(input),
            string(map(input.get("data")), "couponCode")));
  }

  @SchemaMapping(typeName = "CheckoutMutations")
  public CheckoutResult unapplyCheckoutCoupon(
      @Argument Map<String, Object> input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new CheckoutResult(
        checkouts.unapplyCoupon(
            requester,
            string(input, "checkoutEntityId"),
            version(input),
            string(map(input.get("data")), "couponCode")));
  }

  @SchemaMapping(typeName = "CheckoutMutations")
  public CheckoutResult applyCheckoutGiftCertificate(
      @Argument Map<String, Object> input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new CheckoutResult(
        checkouts.applyGiftCertificate(
            requester,
            string(input, "checkoutEntityId"),
            version(input),
            string(map(input.get("data")), "giftCertificateCode")));
  }

  @SchemaMapping(typeName = "CheckoutMutations")
  public CheckoutResult unapplyCheckoutGiftCertificate(
      @Argument Map<String, Object> input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new CheckoutResult(
        checkouts.unapplyGiftCertificate(
            requester,
            string(input, "checkoutEntityId"),
            version(input),
            string(map(input.get("data")), "giftCertificateCode")));
  }

  private static ConsignmentInput consignment(Map<String, Object> c) {
    Map<String, Object> a = map(c.get("address"));
    AddressInput address =
        new AddressInput(
            optional(a, "firstName"),
            optional(a, "lastName"),
            optional(a, "email"),
            optional(a, "company"),
            optional(a, "address1"),
            optional(a, "address2"),
            optional(a, "city"),
            optional(a, "stateOrProvince"),
            optional(a, "countryCode"),
            optional(a, "postalCode"),
            optional(a, "phone"));
    List<LineQuantity> lines = new ArrayList<>();
    for (Object l : list(c.get("lineItems"))) {
      Map<String, Object> line = map(l);
      lines.add(
          new LineQuantity(
              string(line, "lineItemEntityId"),
              line.get("quantity") instanceof Number n ? n.intValue() : 0));
    }
    return new ConsignmentInput(address, lines);
  }

  // The schema makes these fields non-null, so GraphQL validation has refused a request without
  // them already.

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(@Nullable Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static String string(Map<String, Object> map, String key) {
    if (map.get(key) instanceof String s) {
      return s;
    }
    throw new ApiException(key + " is required.", "INVALID_INPUT");
  }

  private static @Nullable String optional(Map<String, Object> map, String key) {
    return map.get(key) instanceof String s ? s : null;
  }

  private static @Nullable Integer version(Map<String, Object> input) {
    return input.get("version") instanceof Number n ? n.intValue() : null;
  }
}
