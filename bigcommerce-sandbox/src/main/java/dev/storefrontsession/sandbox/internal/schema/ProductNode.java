package dev.storefrontsession.sandbox.internal.schema;

import dev.storefrontsession.sandbox.internal.store.BrandRecord;
import dev.storefrontsession.sandbox.internal.store.ProductRecord;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** GraphQL {@code Product}: a catalog product seen by one customer group (which decides its prices). */
public record ProductNode(ProductRecord record, int customerGroupId) {

  private static final Map<String, Object> IN_STOCK = Map.of("isInStock", true, "hasVariantInventory", false);
  private static final Map<String, Object> OUT_OF_STOCK = Map.of("isInStock", false, "hasVariantInventory", false);
  private static final Object AVAILABLE = new Availability.ProductAvailable("Available", "");
  private static final Object UNAVAILABLE =
      new Availability.ProductUnavailable("Currently unavailable", "Unavailable", "");
  private static final Map<String, Object> NO_REVIEWS =
      Map.of("averageRating", 0.0, "numberOfReviews", 0, "summationOfRatings", 0);

  public String id() {
    return Base64.getEncoder().encodeToString(("Product:" + record.entityId()).getBytes(StandardCharsets.UTF_8));
  }

  public int entityId() {
    return record.entityId();
  }

  public String sku() {
    return record.sku();
  }

  public String path() {
    return record.path();
  }

  public String name() {
    return record.name();
  }

  public String description() {
    return record.description();
  }

  public String warranty() {
    return record.warranty();
  }

  public BrandRecord brand() {
    return record.brand();
  }

  public ImageView defaultImage() {
    return record.imageUrl() == null ? null : new ImageView(record.imageUrl(), record.name(), true);
  }

  public Map<String, Object> inventory() {
    return record.inStock() ? IN_STOCK : OUT_OF_STOCK;
  }

  public Object availabilityV2() {
    return record.inStock() ? AVAILABLE : UNAVAILABLE;
  }

  /** The sandbox has no reviews: every product has an empty summary. */
  public Map<String, Object> reviewSummary() {
    return NO_REVIEWS;
  }

  public String type() {
    return "Physical";
  }

  public boolean showCartAction() {
    return true;
  }
}
