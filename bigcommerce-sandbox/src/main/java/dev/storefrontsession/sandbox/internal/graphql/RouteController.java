package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.ProductNode;
import dev.storefrontsession.sandbox.internal.schema.VariantNode;
import dev.storefrontsession.sandbox.internal.store.BrandRecord;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.CategoryRecord;
import dev.storefrontsession.sandbox.internal.store.ProductDetails;
import dev.storefrontsession.sandbox.internal.store.ProductRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Site.route(path)} (which product, category or brand a storefront URL path names; the
 * sandbox has no redirects) and {@code Query.node(id)} (a product, variant, category or brand by
 * its global id).
 */
@Controller
public class RouteController {

  /** GraphQL {@code Route}. */
  public record Route(@Nullable Object node, @Nullable Object redirect) {}

  private final Catalog catalog;
  private final ProductDetails details;
  private final Map<String, Object> byPath = new HashMap<>();

  public RouteController(Catalog catalog, ProductDetails details) {
    this.catalog = catalog;
    this.details = details;
    catalog.brands().forEach(b -> byPath.put(normalize(b.path()), b));
    catalog.categories().forEach(c -> byPath.put(normalize(c.path()), c));
    catalog.products().forEach(p -> byPath.put(normalize(p.path()), p));
  }

  @SchemaMapping(typeName = "Site")
  public Route route(
      @Argument String path, @ContextValue(name = Requester.KEY) Requester requester) {
    Object found = byPath.get(normalize(path));
    Object node =
        found instanceof ProductRecord p ? new ProductNode(p, requester.customerGroupId()) : found;
    return new Route(node, null);
  }

  @QueryMapping
  public @Nullable Object node(
      @Argument String id, @ContextValue(name = Requester.KEY) Requester requester) {
    String text;
    try {
      text = new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return null;
    }
    int entityId;
    try {
      entityId = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      return null;
    }
    return switch (text.substring(0, colon)) {
      case "Product" ->
          catalog
              .product(entityId)
              .map(p -> new ProductNode(p, requester.customerGroupId()))
              .orElse(null);
      case "Variant" ->
          details
              .productOfVariant(entityId)
              .flatMap(catalog::product)
              .map(
                  p ->
                      new VariantNode(
                          new ProductNode(p, requester.customerGroupId()),
                          details.of(p.entityId())))
              .orElse(null);
      case "Category" -> catalog.category(entityId).orElse(null);
      case "Brand" -> catalog.brand(entityId).orElse(null);
      default -> null;
    };
  }

  /**
   * Paths match whatever their case and with or without the trailing slash, as storefront URLs are
   * typed.
   */
  private static String normalize(String path) {
    String p = path.trim();
    int query = p.indexOf('?');
    if (query >= 0) {
      p = p.substring(0, query);
    }
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    if (!p.endsWith("/")) {
      p = p + "/";
    }
    return p.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The GraphQL object type of a value the sandbox returns through an interface or union, by its
   * Java type.
   */
  static Optional<String> typeName(Object value) {
    if (value instanceof ProductNode) {
      return Optional.of("Product");
    }
    if (value instanceof VariantNode) {
      return Optional.of("Variant");
    }
    if (value instanceof CategoryRecord) {
      return Optional.of("Category");
    }
    if (value instanceof BrandRecord) {
      return Optional.of("Brand");
    }
    return Optional.empty();
  }
}
