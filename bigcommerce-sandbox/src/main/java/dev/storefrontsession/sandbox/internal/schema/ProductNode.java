package dev.storefrontsession.sandbox.internal.schema;

import dev.storefrontsession.sandbox.internal.store.BrandRecord;
import dev.storefrontsession.sandbox.internal.store.ProductRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GraphQL {@code Product}: a catalog product seen by one customer group (which decides its prices).
 */
public record ProductNode(ProductRecord record, int customerGroupId) {

  private static final Object AVAILABLE = new Availability.ProductAvailable("Available", "");
  private static final Object UNAVAILABLE =
      new Availability.ProductUnavailable("Currently unavailable", "Unavailable", "");

  public String id() {
    return Base64.getEncoder()
        .encodeToString(("Product:" + record.entityId()).getBytes(StandardCharsets.UTF_8));
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

  public Object availabilityV2() {
    return record.inStock() ? AVAILABLE : UNAVAILABLE;
  }

  public String type() {
    return "Physical";
  }

  public boolean showCartAction() {
    return true;
  }
}
