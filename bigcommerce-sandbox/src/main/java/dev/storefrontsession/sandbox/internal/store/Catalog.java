package dev.storefrontsession.sandbox.internal.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog, read once from the database at startup into an immutable snapshot: the sandbox
 * offers no API that changes products, categories or prices, so product lists never need a query
 * per product (or at all). Thread-safe.
 */
public final class Catalog {

  /** The group of guests and of customers without a group. */
  public static final int DEFAULT_CUSTOMER_GROUP = 1;

  private final Map<Integer, ProductRecord> products;
  private final List<ProductRecord> productsInOrder;
  private final Map<Integer, CategoryRecord> categories;
  private final List<CategoryRecord> categoriesInOrder;
  private final Map<Integer, List<CategoryRecord>> categoriesByProduct;
  private final Map<Integer, List<ProductRecord>> productsByCategory;
  private final Map<Integer, Map<Integer, BigDecimal>> groupPrices;
  private final Map<Integer, BrandRecord> brands;

  private Catalog(
      List<ProductRecord> productsInOrder,
      Map<Integer, CategoryRecord> categories,
      Map<Integer, List<Integer>> productCategoryIds,
      Map<Integer, Map<Integer, BigDecimal>> groupPrices,
      Map<Integer, BrandRecord> brands) {
    this.productsInOrder = List.copyOf(productsInOrder);
    Map<Integer, ProductRecord> byId = new LinkedHashMap<>();
    productsInOrder.forEach(p -> byId.put(p.entityId(), p));
    this.products = Map.copyOf(byId);
    this.categories = Map.copyOf(categories);
    this.categoriesInOrder = List.copyOf(categories.values());
    this.brands = Map.copyOf(brands);
    Map<Integer, List<CategoryRecord>> cbp = new HashMap<>();
    Map<Integer, List<ProductRecord>> pbc = new HashMap<>();
    for (ProductRecord p : productsInOrder) {
      List<CategoryRecord> cats =
          productCategoryIds.getOrDefault(p.entityId(), List.of()).stream()
              .map(categories::get)
              .sorted(Comparator.comparing(CategoryRecord::entityId))
              .toList();
      cbp.put(p.entityId(), cats);
      for (CategoryRecord c : cats) {
        pbc.computeIfAbsent(c.entityId(), k -> new ArrayList<>()).add(p);
      }
    }
    this.categoriesByProduct = Map.copyOf(cbp);
    Map<Integer, List<ProductRecord>> frozen = new HashMap<>();
    pbc.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.productsByCategory = Map.copyOf(frozen);
    Map<Integer, Map<Integer, BigDecimal>> gp = new HashMap<>();
    groupPrices.forEach((k, v) -> gp.put(k, Map.copyOf(v)));
    this.groupPrices = Map.copyOf(gp);
  }

  static Catalog load(JdbcClient jdbc) {
    Map<Integer, BrandRecord> brands = new HashMap<>();
    jdbc.sql("SELECT id, name, path FROM brands")
        .query(
            rs -> {
              brands.put(
                  rs.getInt("id"),
                  new BrandRecord(rs.getInt("id"), rs.getString("name"), rs.getString("path")));
            });
    List<ProductRecord> products =
        jdbc.sql(
                """
            SELECT id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price,
                   image_url, in_stock, is_featured, sort_order
            FROM products ORDER BY sort_order, id""")
            .query(
                (rs, n) ->
                    new ProductRecord(
                        rs.getInt("id"),
                        rs.getString("sku"),
                        rs.getString("name"),
                        rs.getString("path"),
                        rs.getString("description"),
                        rs.getString("warranty"),
                        brands.get(Jdbc.nullableInt(rs, "brand_id")),
                        rs.getBigDecimal("base_price"),
                        rs.getBigDecimal("sale_price"),
                        rs.getBigDecimal("retail_price"),
                        rs.getString("image_url"),
                        rs.getBoolean("in_stock"),
                        rs.getBoolean("is_featured"),
                        rs.getInt("sort_order")))
            .list();
    Map<Integer, CategoryRecord> categories = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT id, parent_id, name, path, description, sort_order FROM categories ORDER BY sort_order, id")
        .query(
            rs -> {
              categories.put(
                  rs.getInt("id"),
                  new CategoryRecord(
                      rs.getInt("id"),
                      Jdbc.nullableInt(rs, "parent_id"),
                      rs.getString("name"),
                      rs.getString("path"),
                      rs.getString("description"),
                      rs.getInt("sort_order")));
            });
    Map<Integer, List<Integer>> productCategories = new HashMap<>();
    jdbc.sql("SELECT product_id, category_id FROM product_categories")
        .query(
            rs -> {
              productCategories
                  .computeIfAbsent(rs.getInt("product_id"), k -> new ArrayList<>())
                  .add(rs.getInt("category_id"));
            });
    Map<Integer, Map<Integer, BigDecimal>> groupPrices = new HashMap<>();
    jdbc.sql("SELECT customer_group_id, product_id, price FROM customer_group_prices")
        .query(
            rs -> {
              groupPrices
                  .computeIfAbsent(rs.getInt("customer_group_id"), k -> new HashMap<>())
                  .put(rs.getInt("product_id"), rs.getBigDecimal("price"));
            });
    return new Catalog(products, categories, productCategories, groupPrices, brands);
  }

  public List<ProductRecord> products() {
    return productsInOrder;
  }

  public Optional<ProductRecord> product(int entityId) {
    return Optional.ofNullable(products.get(entityId));
  }

  public Optional<ProductRecord> productBySku(String sku) {
    return productsInOrder.stream().filter(p -> p.sku().equals(sku)).findFirst();
  }

  /** Products in catalog order whose ids are in {@code ids} (unknown ids skipped). */
  public List<ProductRecord> products(Collection<Integer> ids) {
    return productsInOrder.stream().filter(p -> ids.contains(p.entityId())).toList();
  }

  public Optional<CategoryRecord> category(int entityId) {
    return Optional.ofNullable(categories.get(entityId));
  }

  public List<CategoryRecord> categories() {
    return categoriesInOrder;
  }

  public List<CategoryRecord> childrenOf(Integer parentId) {
    return categoriesInOrder.stream()
        .filter(c -> parentId == null ? c.parentId() == null : parentId.equals(c.parentId()))
        .toList();
  }

  public List<CategoryRecord> categoriesOf(int productId) {
    return categoriesByProduct.getOrDefault(productId, List.of());
  }

  /**
   * Products in a category (sub-category products included, as the seed assigns them to parents
   * too).
   */
  public List<ProductRecord> productsIn(int categoryId) {
    return productsByCategory.getOrDefault(categoryId, List.of());
  }

  public Optional<BrandRecord> brand(int entityId) {
    return Optional.ofNullable(brands.get(entityId));
  }

  /** Every brand, in id order. */
  public List<BrandRecord> brands() {
    return brands.values().stream().sorted(Comparator.comparingInt(BrandRecord::entityId)).toList();
  }

  /** The price a customer group pays, when that group has its own price for the product. */
  public Optional<BigDecimal> groupPrice(int customerGroupId, int productId) {
    Map<Integer, BigDecimal> prices = groupPrices.get(customerGroupId);
    return prices == null ? Optional.empty() : Optional.ofNullable(prices.get(productId));
  }

  /**
   * What a customer of the group pays: the group's price if it has one, else the sale price, else
   * the base price.
   */
  public BigDecimal priceFor(ProductRecord product, int customerGroupId) {
    return groupPrice(customerGroupId, product.entityId())
        .orElse(product.salePrice() != null ? product.salePrice() : product.basePrice());
  }
}
