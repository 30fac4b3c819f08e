package dev.storefrontsession.sandbox.internal.store;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored order with its billing address flattened. */
public record OrderRecord(
    long entityId,
    long customerId,
    String cartId,
    String status,
    String statusLabel,
    Instant orderedAt,
    Instant updatedAt,
    String currencyCode,
    boolean isTaxIncluded,
    BigDecimal subTotal,
    BigDecimal shippingCostTotal,
    BigDecimal handlingCostTotal,
    BigDecimal wrappingCostTotal,
    BigDecimal taxTotal,
    BigDecimal totalIncTax,
    int totalProductQuantity,
    String customerMessage,
    Address billing) {

  /** Billing address of an order (GraphQL {@code OrderBillingAddress}). */
  public record Address(
      String firstName,
      String lastName,
      String company,
      String address1,
      String address2,
      String city,
      String stateOrProvince,
      String stateOrProvinceCode,
      String country,
      String countryCode,
      String postalCode,
      String phone,
      String email) {}
}
