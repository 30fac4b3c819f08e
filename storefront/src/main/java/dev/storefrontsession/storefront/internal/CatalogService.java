package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.storefront.internal.Views.CategoryLink;
import dev.storefrontsession.storefront.internal.Views.CategoryPage;
import dev.storefrontsession.storefront.internal.Views.PriceView;
import dev.storefrontsession.storefront.internal.Views.ProductCard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Catalog pages' data: guest reads come from the client's guest cache, signed-in reads are fresh.
 */
@Service
public class CatalogService {

  static final int HOME_PRODUCTS = 12;
  static final int CATEGORY_PRODUCTS = 50;

  private final StoreGateway store;
  private final CurrencyPreference currency;
  private final boolean remoteImages;

  public CatalogService(
      StoreGateway store,
      CurrencyPreference currency,
      @Value("${storefront.remote-images:false}") boolean remoteImages) {
    this.store = store;
    this.currency = currency;
    this.remoteImages = remoteImages;
  }

  /**
   * {@code base} plus the shopper's chosen currency ({@code currencyCode}) when it is not the
   * channel's default.
   */
  private Map<String, Object> withCurrency(Map<String, Object> base) {
    String code = currency.requested();
    if (code == null) {
      return base;
    }
    Map<String, Object> variables = new java.util.HashMap<>(base);
    variables.put("currencyCode", code);
    return variables;
  }

  public record Home(List<CategoryLink> categories, List<ProductCard> products) {}

  public Home home() {
    JsonNode site =
        store
            .catalogQuery(
                Documents.HOME_PAGE, withCurrency(Map.of("first", HOME_PRODUCTS)), "catalog")
            .path("site");
    return new Home(
        categories(site.path("categoryTree")), Json.edges(site.path("products"), this::card));
  }

  /**
   * The top-level categories for the navigation (validation of the CAT off, like Catalyst's
   * header).
   */
  public List<CategoryLink> navigation() {
    return categories(
        store.layoutQuery(Documents.NAVIGATION, Map.of()).path("site").path("categoryTree"));
  }

  public Optional<CategoryPage> category(int entityId) {
    JsonNode category =
        store
            .catalogQuery(
                Documents.CATEGORY_PAGE,
                withCurrency(Map.of("entityId", entityId, "first", CATEGORY_PRODUCTS)),
                "catalog")
            .path("site")
            .path("category");
    if (Json.absent(category)) {
      return Optional.empty();
    }
    List<ProductCard> products = Json.edges(category.path("products"), this::card);
    CategoryLink link =
        new CategoryLink(
            Json.integer(category, "entityId", entityId),
            Json.text(category, "name"),
            Json.text(category, "description"),
            products.size());
    return Optional.of(new CategoryPage(link, products));
  }

  public Optional<ProductCard> product(int entityId) {
    JsonNode product =
        store
            .catalogQuery(
                Documents.PRODUCT_PAGE, withCurrency(Map.of("entityId", entityId)), "catalog")
            .path("site")
            .path("product");
    return Json.absent(product) ? Optional.empty() : Optional.of(card(product));
  }

  private static List<CategoryLink> categories(JsonNode tree) {
    return Json.list(
        tree,
        c ->
            new CategoryLink(
                Json.integer(c, "entityId", 0),
                Json.text(c, "name"),
                Json.text(c, "description"),
                Json.integer(c, "productCount", 0)));
  }

  ProductCard card(JsonNode p) {
    String description = Json.text(p, "plainTextDescription");
    String imageUrl = null;
    if (remoteImages) {
      imageUrl = Json.text(p.path("defaultImage"), "url");
    }
    return new ProductCard(
        Json.integer(p, "entityId", 0),
        Json.text(p, "name"),
        Json.text(p.path("brand"), "name"),
        description == null ? "" : description,
        Json.text(p, "sku"),
        prices(p.path("prices")),
        imageUrl);
  }

  /**
   * Catalyst's rule: a range when min and max differ; a sale (base price struck through) when the
   * sale price differs from the base price; otherwise just {@code price}, which includes
   * customer-group pricing.
   */
  static PriceView prices(JsonNode prices) {
    if (Json.absent(prices)) {
      return null;
    }
    JsonNode range = prices.path("priceRange");
    BigDecimal min = Money.value(range.path("min"));
    BigDecimal max = Money.value(range.path("max"));
    if (min != null && max != null && min.compareTo(max) != 0) {
      return new PriceView(
          Money.format(prices.path("price")),
          null,
          Money.format(range.path("min")),
          Money.format(range.path("max")));
    }
    BigDecimal base = Money.value(prices.path("basePrice"));
    BigDecimal sale = Money.value(prices.path("salePrice"));
    BigDecimal price = Money.value(prices.path("price"));
    String compareAt = null;
    if (base != null
        && sale != null
        && base.compareTo(sale) != 0
        && price != null
        && price.compareTo(base) < 0) {
      compareAt = Money.format(prices.path("basePrice"));
    }
    return new PriceView(Money.format(prices.path("price")), compareAt, null, null);
  }
}
