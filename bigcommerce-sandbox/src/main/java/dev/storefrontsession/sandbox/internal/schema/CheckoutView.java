package dev.storefrontsession.sandbox.internal.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL {@code Checkout} of a cart before the hosted checkout: its consignments, coupons, gift
 * certificates and totals, in the cart's currency. The sandbox charges no tax and no handling.
 */
public record CheckoutView(
    String id,
    String entityId,
    String currencyCode,
    String displayCurrencyCode,
    CartView cart,
    List<Consignment> shippingConsignments,
    Money shippingCostTotal,
    Money shippingCostBeforeDiscount,
    Money handlingCostTotal,
    Money taxTotal,
    List<Object> taxes,
    Money subtotal,
    Money grandTotal,
    Money outstandingBalance,
    DateTimeExtended createdAt,
    DateTimeExtended updatedAt,
    List<Coupon> coupons,
    List<GiftCertificate> giftCertificates,
    @Nullable Integer version) {

  /** GraphQL {@code CheckoutShippingConsignment}. */
  public record Consignment(
      String entityId,
      Address address,
      List<ShippingOption> availableShippingOptions,
      @Nullable SelectedShippingOption selectedShippingOption,
      Money shippingCost,
      Money shippingCostBeforeDiscount,
      Money handlingCost,
      List<String> lineItemIds) {}

  /** GraphQL {@code CheckoutConsignmentAddress}. */
  public record Address(
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      @Nullable String company,
      @Nullable String address1,
      @Nullable String address2,
      @Nullable String city,
      @Nullable String stateOrProvince,
      @Nullable String stateOrProvinceCode,
      String countryCode,
      @Nullable String postalCode,
      @Nullable String phone,
      List<Object> customFields) {}

  /** GraphQL {@code CheckoutAvailableShippingOption}. */
  public record ShippingOption(
      String entityId,
      String description,
      String type,
      Money cost,
      Money costInDisplayCurrency,
      @Nullable String transitTime,
      boolean isRecommended) {}

  /** GraphQL {@code CheckoutSelectedShippingOption}. */
  public record SelectedShippingOption(
      String entityId,
      String description,
      String type,
      Money cost,
      Money costInDisplayCurrency,
      @Nullable String transitTime) {}

  /** GraphQL {@code CheckoutCoupon}. */
  public record Coupon(
      int entityId,
      String code,
      String couponType,
      Money discountedAmount,
      Money discountedAmountInDisplayCurrency) {}

  /** GraphQL {@code CheckoutGiftCertificate}. */
  public record GiftCertificate(
      String code,
      Money balance,
      Money balanceInDisplayCurrency,
      Money remaining,
      Money remainingInDisplayCurrency,
      Money used,
      Money usedInDisplayCurrency,
      DateTimeExtended purchaseDate) {}
}
