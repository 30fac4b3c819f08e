package dev.storefrontsession.sandbox.internal.store;

import org.jspecify.annotations.Nullable;

/**
 * What the product pages ask for beyond the catalog row: the base variant's id, the SEO fields,
 * identifiers and the tracked inventory ({@code stockLevel} {@code null}: inventory not tracked).
 */
public record ProductDetailsRecord(
    int productId,
    int variantId,
    String pageTitle,
    String metaDescription,
    String metaKeywords,
    @Nullable Integer stockLevel,
    int warningLevel,
    @Nullable String upc,
    @Nullable String mpn,
    @Nullable String gtin) {

  /**
   * The details of a product that has no row of its own: its variant id is the product's, nothing
   * tracked.
   */
  public static ProductDetailsRecord none(int productId) {
    return new ProductDetailsRecord(productId, productId, "", "", "", null, 0, null, null, null);
  }
}
