package dev.storefrontsession.sandbox.internal.schema;

import java.util.List;

/** GraphQL {@code Prices} of a product for one customer group. */
public record Prices(
    Money price,
    Money salePrice,
    Money basePrice,
    Money retailPrice,
    MoneyRange priceRange,
    MoneyRange retailPriceRange,
    Money saved,
    List<Object> bulkPricing) {}
