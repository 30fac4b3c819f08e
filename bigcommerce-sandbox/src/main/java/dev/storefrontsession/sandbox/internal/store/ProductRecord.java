package dev.storefrontsession.sandbox.internal.store;

import java.math.BigDecimal;

/** A catalog product as stored; prices in the store currency (USD). */
public record ProductRecord(
    int entityId,
    String sku,
    String name,
    String path,
    String description,
    String warranty,
    BrandRecord brand,
    BigDecimal basePrice,
    BigDecimal salePrice,
    BigDecimal retailPrice,
    String imageUrl,
    boolean inStock,
    boolean featured,
    int sortOrder) {}
