package dev.storefrontsession.sandbox.internal.schema;

import java.util.List;

/** GraphQL {@code Cart}, priced for the cart owner's customer group. */
public record CartView(
    String id,
    String entityId,
    String currencyCode,
    String displayCurrencyCode,
    boolean isTaxIncluded,
    Money baseAmount,
    Money discountedAmount,
    Money amount,
    List<Object> discounts,
    LineItems lineItems,
    DateTimeExtended createdAt,
    DateTimeExtended updatedAt,
    String locale,
    Integer version) {

  /** GraphQL {@code CartLineItems}. */
  public record LineItems(
      List<CartPhysicalItem> physicalItems, List<Object> digitalItems, int totalQuantity) {}

  /** GraphQL {@code CartPhysicalItem}. */
  public record CartPhysicalItem(
      String entityId,
      String parentEntityId,
      int productEntityId,
      Integer variantEntityId,
      String sku,
      boolean allowGiftWrapping,
      String name,
      String url,
      String imageUrl,
      String brand,
      int quantity,
      boolean isTaxable,
      boolean isMutable,
      List<Object> discounts,
      Money discountedAmount,
      Money couponAmount,
      Money listPrice,
      Money originalPrice,
      Money salePrice,
      Money extendedListPrice,
      Money extendedSalePrice,
      Money comparisonPrice,
      Money extendedComparisonPrice,
      Money retailPrice,
      boolean isShippingRequired,
      List<Object> selectedOptions,
      String path,
      ImageView image,
      ProductNode baseCatalogProduct,
      ProductNode catalogProductWithOptionSelections) {}
}
