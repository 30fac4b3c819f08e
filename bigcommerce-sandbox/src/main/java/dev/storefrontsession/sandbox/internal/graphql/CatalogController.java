package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.ApiException;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Connection;
import dev.storefrontsession.sandbox.internal.schema.ImageView;
import dev.storefrontsession.sandbox.internal.schema.Money;
import dev.storefrontsession.sandbox.internal.schema.MoneyRange;
import dev.storefrontsession.sandbox.internal.schema.Prices;
import dev.storefrontsession.sandbox.internal.schema.ProductNode;
import dev.storefrontsession.sandbox.internal.store.BrandRecord;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.CategoryRecord;
import dev.storefrontsession.sandbox.internal.store.ChannelRecord;
import dev.storefrontsession.sandbox.internal.store.Channels;
import dev.storefrontsession.sandbox.internal.store.CurrencyRecord;
import dev.storefrontsession.sandbox.internal.store.ProductDetails;
import dev.storefrontsession.sandbox.internal.store.ProductRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Catalog reads: {@code site.products/product/category/categoryTree/search} and the {@code
 * Product}, {@code Category}, {@code Brand} and {@code Image} types. Prices are for the requester's
 * customer group. Everything comes from the in-memory {@link Catalog}: a product list costs no
 * query per product.
 */
@Controller
public class CatalogController {

  static final Object SEARCH_NAMESPACE = new Object();

  /** {@code SearchProductsFiltersInput} (the filters the sandbox applies). */
  public record SearchProductsFiltersInput(
      String searchTerm,
      PriceSearchFilterInput price,
      Integer categoryEntityId,
      List<Integer> categoryEntityIds,
      Boolean searchSubCategories,
      List<Integer> brandEntityIds,
      Boolean isFeatured,
      Boolean hideOutOfStock) {}

  /** {@code PriceSearchFilterInput}. */
  public record PriceSearchFilterInput(Double minPrice, Double maxPrice) {}

  /** Arguments of {@code searchProducts}, kept for the nested {@code products} field. */
  public record SearchRequest(
      SearchProductsFiltersInput filters, String sort, int customerGroupId) {}

  private final Catalog catalog;
  private final Channels channels;
  private final ProductDetails details;
  private final String storeBaseUrl;

  public CatalogController(
      Catalog catalog, Channels channels, ProductDetails details, SiteUrls urls) {
    this.catalog = catalog;
    this.channels = channels;
    this.details = details;
    this.storeBaseUrl = urls.vanityUrl();
  }

  @SchemaMapping(typeName = "Site")
  public Connection<ProductNode> products(
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last,
      @Argument List<String> ids,
      @Argument List<Integer> entityIds,
      @Argument Boolean hideOutOfStock,
      @ContextValue(name = Requester.KEY) Requester requester) {
    Set<Integer> wanted = new LinkedHashSet<>();
    if (entityIds != null) {
      wanted.addAll(entityIds);
    }
    if (ids != null) {
      for (String id : ids) {
        wanted.add(decodeNodeId(id, "Product"));
      }
    }
    List<ProductRecord> records = wanted.isEmpty() ? catalog.products() : catalog.products(wanted);
    return Connection.of(nodes(records, hideOutOfStock, requester), first, after, last, before);
  }

  @SchemaMapping(typeName = "Site")
  public ProductNode product(
      @Argument String id,
      @Argument Integer entityId,
      @Argument Integer variantEntityId,
      @Argument String sku,
      @ContextValue(name = Requester.KEY) Requester requester) {
    ProductRecord record = null;
    if (entityId != null) {
      record = catalog.product(entityId).orElse(null);
    } else if (id != null) {
      record = catalog.product(decodeNodeId(id, "Product")).orElse(null);
    } else if (variantEntityId != null) {
      record = details.productOfVariant(variantEntityId).flatMap(catalog::product).orElse(null);
    } else if (sku != null) {
      record = catalog.productBySku(sku).orElse(null);
    }
    return record == null ? null : new ProductNode(record, requester.customerGroupId());
  }

  @SchemaMapping(typeName = "Site")
  public CategoryRecord category(@Argument Integer entityId) {
    return catalog.category(entityId).orElse(null);
  }

  @SchemaMapping(typeName = "Site")
  public List<Map<String, Object>> categoryTree(@Argument Integer rootEntityId) {
    if (rootEntityId != null) {
      return catalog.category(rootEntityId).map(c -> List.of(treeItem(c))).orElse(List.of());
    }
    return catalog.childrenOf(null).stream().map(this::treeItem).toList();
  }

  private Map<String, Object> treeItem(CategoryRecord c) {
    List<Map<String, Object>> children =
        catalog.childrenOf(c.entityId()).stream().map(this::treeItem).toList();
    Map<String, Object> item = new java.util.HashMap<>();
    item.put("entityId", c.entityId());
    item.put("name", c.name());
    item.put("path", c.path());
    item.put("description", c.description());
    item.put("productCount", catalog.productsIn(c.entityId()).size());
    item.put("image", null);
    item.put("hasChildren", !children.isEmpty());
    item.put("children", children);
    return item;
  }

  @SchemaMapping(typeName = "Site")
  public BrandRecord brand(@Argument int entityId) {
    return catalog.brand(entityId).orElse(null);
  }

  @SchemaMapping(typeName = "Site")
  public Object search() {
    return SEARCH_NAMESPACE;
  }

  @SchemaMapping(typeName = "SearchQueries")
  public SearchRequest searchProducts(
      @Argument SearchProductsFiltersInput filters,
      @Argument String sort,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new SearchRequest(filters, sort, requester.customerGroupId());
  }

  @SchemaMapping(typeName = "SearchProducts", field = "products")
  public Connection<ProductNode> searchResults(
      SearchRequest search,
      @Argument String after,
      @Argument Integer first,
      @Argument String before,
      @Argument Integer last) {
    SearchProductsFiltersInput f = search.filters();
    int group = search.customerGroupId();
    String term = f.searchTerm() == null ? "" : f.searchTerm().trim().toLowerCase(Locale.ROOT);
    Set<Integer> categoryIds = new LinkedHashSet<>();
    if (f.categoryEntityId() != null) {
      categoryIds.add(f.categoryEntityId());
    }
    if (f.categoryEntityIds() != null) {
      categoryIds.addAll(f.categoryEntityIds());
    }
    List<ProductNode> result = new ArrayList<>();
    for (ProductRecord p : catalog.products()) {
      if (!term.isEmpty()
          && !(p.name().toLowerCase(Locale.ROOT).contains(term)
              || p.sku().toLowerCase(Locale.ROOT).contains(term)
              || p.description().toLowerCase(Locale.ROOT).contains(term))) {
        continue;
      }
      if (!categoryIds.isEmpty()
          && catalog.categoriesOf(p.entityId()).stream()
              .noneMatch(c -> categoryIds.contains(c.entityId()))) {
        continue;
      }
      if (f.brandEntityIds() != null
          && !f.brandEntityIds().isEmpty()
          && (p.brand() == null || !f.brandEntityIds().contains(p.brand().entityId()))) {
        continue;
      }
      if (Boolean.TRUE.equals(f.isFeatured()) && !p.featured()) {
        continue;
      }
      if (Boolean.TRUE.equals(f.hideOutOfStock()) && !p.inStock()) {
        continue;
      }
      BigDecimal price = catalog.priceFor(p, group);
      if (f.price() != null
          && f.price().minPrice() != null
          && price.doubleValue() < f.price().minPrice()) {
        continue;
      }
      if (f.price() != null
          && f.price().maxPrice() != null
          && price.doubleValue() > f.price().maxPrice()) {
        continue;
      }
      result.add(new ProductNode(p, group));
    }
    Comparator<ProductNode> order =
        switch (search.sort() == null ? "RELEVANCE" : search.sort()) {
          case "A_TO_Z" -> Comparator.comparing(n -> n.name().toLowerCase(Locale.ROOT));
          case "Z_TO_A" ->
              Comparator.<ProductNode, String>comparing(n -> n.name().toLowerCase(Locale.ROOT))
                  .reversed();
          case "LOWEST_PRICE" -> Comparator.comparing(n -> catalog.priceFor(n.record(), group));
          case "HIGHEST_PRICE" ->
              Comparator.<ProductNode, BigDecimal>comparing(
                      n -> catalog.priceFor(n.record(), group))
                  .reversed();
          case "NEWEST" -> Comparator.comparing(ProductNode::entityId).reversed();
          case "FEATURED" -> Comparator.comparing(n -> !n.record().featured());
          default -> Comparator.comparing(n -> n.record().sortOrder());
        };
    result.sort(order);
    return Connection.of(result, first, after, last, before);
  }

  @SchemaMapping(typeName = "Category")
  public String id(CategoryRecord category) {
    return nodeId("Category", category.entityId());
  }

  @SchemaMapping(typeName = "Category")
  public ImageView defaultImage(CategoryRecord category) {
    return null;
  }

  @SchemaMapping(typeName = "Category", field = "products")
  public Connection<ProductNode> categoryProducts(
      CategoryRecord category,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last,
      @Argument Boolean hideOutOfStock,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return Connection.of(
        nodes(catalog.productsIn(category.entityId()), hideOutOfStock, requester),
        first,
        after,
        last,
        before);
  }

  /**
   * {@code Product.prices}, wired as a plain data fetcher by {@link CatalogWiring} (it runs for
   * every product): in {@code currencyCode} when the request's channel offers it (null when it does
   * not), else in the channel's default currency, converted at the currency's exchange rate.
   */
  Prices prices(ProductNode product, String currencyCode, Requester requester) {
    ChannelRecord channel =
        channels.channel(requester.channelId()).orElseGet(channels::defaultChannel);
    CurrencyRecord currency =
        currencyCode == null ? channel.defaultCurrency() : channel.currency(currencyCode);
    if (currency == null) {
      return null;
    }
    ProductRecord p = product.record();
    BigDecimal price = catalog.priceFor(p, product.customerGroupId());
    Money priceMoney = Money.in(currency, price);
    Money base = Money.in(currency, p.basePrice());
    Money sale = price.compareTo(p.basePrice()) < 0 ? priceMoney : null;
    Money retail = p.retailPrice() == null ? null : Money.in(currency, p.retailPrice());
    BigDecimal savedAmount = p.basePrice().subtract(price);
    return new Prices(
        priceMoney,
        sale,
        base,
        retail,
        new MoneyRange(priceMoney, priceMoney),
        retail == null ? null : new MoneyRange(retail, retail),
        savedAmount.signum() > 0 ? Money.in(currency, savedAmount) : null,
        List.of());
  }

  @SchemaMapping(typeName = "Product")
  public String plainTextDescription(ProductNode product, @Argument Integer characterLimit) {
    String text = product.description().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    int limit = characterLimit == null ? 120 : Math.max(0, characterLimit);
    return text.length() <= limit ? text : text.substring(0, limit);
  }

  @SchemaMapping(typeName = "Product")
  public String addToCartUrl(ProductNode product) {
    return storeBaseUrl + "/cart.php?action=add&product_id=" + product.entityId();
  }

  @SchemaMapping(typeName = "Product")
  public Connection<CategoryRecord> categories(
      ProductNode product,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    return Connection.of(catalog.categoriesOf(product.entityId()), first, after, last, before);
  }

  @SchemaMapping(typeName = "Product")
  public Connection<ImageView> images(
      ProductNode product,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    ImageView image = product.defaultImage();
    return Connection.of(image == null ? List.of() : List.of(image), first, after, last, before);
  }

  /** Products have no options in the sandbox. */
  @SchemaMapping(typeName = "Product")
  public Connection<Object> productOptions(
      ProductNode product,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    return Connection.of(List.of(), first, after, last, before);
  }

  @SchemaMapping(typeName = "Brand")
  public String id(BrandRecord brand) {
    return nodeId("Brand", brand.entityId());
  }

  @SchemaMapping(typeName = "Brand")
  public List<String> searchKeywords(BrandRecord brand) {
    return List.of();
  }

  @SchemaMapping(typeName = "Brand")
  public ImageView defaultImage(BrandRecord brand) {
    return null;
  }

  /** {@code Image.url}, wired as a plain data fetcher by {@link CatalogWiring}. */
  static String url(ImageView image, Integer width, Integer height) {
    if (width == null || width <= 0 || (height != null && height <= 0)) {
      throw new ApiException("Image width and height must be positive.", "INVALID_INPUT");
    }
    return image.url(width, height);
  }

  private List<ProductNode> nodes(
      List<ProductRecord> records, Boolean hideOutOfStock, Requester requester) {
    int group = requester.customerGroupId();
    return records.stream()
        .filter(p -> !Boolean.TRUE.equals(hideOutOfStock) || p.inStock())
        .map(p -> new ProductNode(p, group))
        .toList();
  }

  static String nodeId(String type, long entityId) {
    return Base64.getEncoder()
        .encodeToString((type + ":" + entityId).getBytes(StandardCharsets.UTF_8));
  }

  static int decodeNodeId(String id, String type) {
    try {
      String text = new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8);
      if (text.startsWith(type + ":")) {
        return Integer.parseInt(text.substring(type.length() + 1));
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw new ApiException("Invalid " + type + " id: " + id, "INVALID_INPUT");
  }
}
