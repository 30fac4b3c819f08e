package dev.storefrontsession.sandbox.internal.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Product details and approved reviews, read once at start-up into an immutable snapshot like the
 * {@link Catalog}: the sandbox has no API that changes them (a review written through {@code
 * catalog.addProductReview} waits for the store's approval and is not shown), so product lists
 * never need a query per product. Thread-safe.
 */
public final class ProductDetails {

  private final Map<Integer, ProductDetailsRecord> byProduct;
  private final Map<Integer, ProductDetailsRecord> byVariant;
  private final Map<Integer, List<ReviewRecord>> reviewsByProduct;

  private ProductDetails(List<ProductDetailsRecord> details, List<ReviewRecord> reviews) {
    Map<Integer, ProductDetailsRecord> products = new HashMap<>();
    Map<Integer, ProductDetailsRecord> variants = new HashMap<>();
    for (ProductDetailsRecord d : details) {
      products.put(d.productId(), d);
      variants.put(d.variantId(), d);
    }
    this.byProduct = Map.copyOf(products);
    this.byVariant = Map.copyOf(variants);
    Map<Integer, List<ReviewRecord>> grouped = new HashMap<>();
    for (ReviewRecord r : reviews) {
      grouped.computeIfAbsent(r.productId(), k -> new ArrayList<>()).add(r);
    }
    Map<Integer, List<ReviewRecord>> frozen = new HashMap<>();
    grouped.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.reviewsByProduct = Map.copyOf(frozen);
  }

  static ProductDetails load(JdbcClient jdbc) {
    List<ProductDetailsRecord> details =
        jdbc.sql(
                """
            SELECT product_id, variant_id, page_title, meta_description, meta_keywords, stock_level, warning_level,
                   upc, mpn, gtin
            FROM product_details""")
            .query(
                (rs, n) ->
                    new ProductDetailsRecord(
                        rs.getInt("product_id"),
                        rs.getInt("variant_id"),
                        rs.getString("page_title"),
                        rs.getString("meta_description"),
                        rs.getString("meta_keywords"),
                        Jdbc.nullableInt(rs, "stock_level"),
                        rs.getInt("warning_level"),
                        rs.getString("upc"),
                        rs.getString("mpn"),
                        rs.getString("gtin")))
            .list();
    List<ReviewRecord> reviews =
        jdbc.sql(
                """
            SELECT id, product_id, author, title, body, rating, created_at
            FROM product_reviews WHERE status = 'approved' ORDER BY created_at DESC, id DESC""")
            .query(
                (rs, n) ->
                    new ReviewRecord(
                        rs.getLong("id"),
                        rs.getInt("product_id"),
                        rs.getString("author"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getInt("rating"),
                        Jdbc.instant(rs, "created_at")))
            .list();
    return new ProductDetails(details, reviews);
  }

  /**
   * The product's details; a product without a row has the defaults of {@link
   * ProductDetailsRecord#none}.
   */
  public ProductDetailsRecord of(int productId) {
    ProductDetailsRecord d = byProduct.get(productId);
    return d != null ? d : ProductDetailsRecord.none(productId);
  }

  /** The product a variant id belongs to. */
  public Optional<Integer> productOfVariant(int variantId) {
    ProductDetailsRecord d = byVariant.get(variantId);
    return d == null ? Optional.empty() : Optional.of(d.productId());
  }

  /** The product's approved reviews, newest first. */
  public List<ReviewRecord> reviews(int productId) {
    return reviewsByProduct.getOrDefault(productId, List.of());
  }
}
