package dev.storefrontsession.sandbox.internal.schema;

import dev.storefrontsession.sandbox.internal.store.ProductDetailsRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL {@code Variant}: a product's base variant (the sandbox models products without options,
 * so each has exactly one, with an id of its own as at BigCommerce). Its prices are the product's
 * ({@code CatalogWiring}).
 */
public record VariantNode(ProductNode product, ProductDetailsRecord details) {

  public String id() {
    return Base64.getEncoder()
        .encodeToString(("Variant:" + details.variantId()).getBytes(StandardCharsets.UTF_8));
  }

  public int entityId() {
    return details.variantId();
  }

  public String sku() {
    return product.sku();
  }

  public @Nullable ImageView defaultImage() {
    return product.defaultImage();
  }

  /** In stock and, when inventory is tracked, with stock left. */
  public boolean isPurchasable() {
    return isInStock(product, details);
  }

  public @Nullable String upc() {
    return details.upc();
  }

  public @Nullable String mpn() {
    return details.mpn();
  }

  public @Nullable String gtin() {
    return details.gtin();
  }

  /**
   * {@code VariantInventory}: tracked figures, no locations (the sandbox has one warehouse and no
   * location API).
   */
  public Map<String, Object> inventory() {
    Map<String, Object> inventory = new LinkedHashMap<>();
    inventory.put("isInStock", isInStock(product, details));
    inventory.put("aggregated", aggregated(details, true));
    inventory.put("byLocation", Connection.of(List.of(), null, null, null, null));
    return inventory;
  }

  /** {@code ProductInventory}. */
  public static Map<String, Object> productInventory(
      ProductNode product, ProductDetailsRecord details) {
    Map<String, Object> inventory = new LinkedHashMap<>();
    inventory.put("isInStock", isInStock(product, details));
    inventory.put("hasVariantInventory", false);
    inventory.put("aggregated", aggregated(details, false));
    return inventory;
  }

  private static boolean isInStock(ProductNode product, ProductDetailsRecord details) {
    Integer stock = details.stockLevel();
    return product.record().inStock() && (stock == null || stock > 0);
  }

  /**
   * {@code AggregatedInventory} (product) or {@code Aggregated} (variant, whose {@code
   * availableToSell} is a {@code Long}); {@code null} when inventory is not tracked, as BigCommerce
   * answers.
   */
  private static @Nullable Map<String, Object> aggregated(
      ProductDetailsRecord details, boolean longs) {
    Integer stock = details.stockLevel();
    if (stock == null) {
      return null;
    }
    Map<String, Object> aggregated = new LinkedHashMap<>();
    aggregated.put("availableToSell", longs ? (Object) stock.longValue() : (Object) stock);
    aggregated.put("warningLevel", details.warningLevel());
    aggregated.put("availableOnHand", stock.longValue());
    aggregated.put("availableForBackorder", 0L);
    aggregated.put("unlimitedBackorder", false);
    return aggregated;
  }
}
