package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Connection;
import dev.storefrontsession.sandbox.internal.schema.ProductNode;
import dev.storefrontsession.sandbox.internal.schema.ReviewView;
import dev.storefrontsession.sandbox.internal.schema.SeoDetails;
import dev.storefrontsession.sandbox.internal.schema.VariantNode;
import dev.storefrontsession.sandbox.internal.store.ProductDetails;
import dev.storefrontsession.sandbox.internal.store.ProductDetailsRecord;
import dev.storefrontsession.sandbox.internal.store.ReviewRecord;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * {@code Product.variants/inventory/seo/reviews/reviewSummary/upc/mpn/gtin} and {@code
 * Variant.prices} from {@link ProductDetails}, as plain data fetchers: they run for every product
 * of a list (see {@link CatalogWiring}).
 */
final class ProductDetailsWiring implements RuntimeWiringConfigurer {

  private final ProductDetails details;
  private final CatalogController catalog;

  ProductDetailsWiring(ProductDetails details, CatalogController catalog) {
    this.details = details;
    this.catalog = catalog;
  }

  @Override
  public void configure(RuntimeWiring.Builder builder) {
    builder.type(
        "Product",
        type ->
            type.dataFetcher("variants", this::variants)
                .dataFetcher(
                    "inventory", env -> VariantNode.productInventory(product(env), details(env)))
                .dataFetcher("seo", env -> seo(product(env), details(env)))
                .dataFetcher(
                    "reviewSummary",
                    env -> ReviewView.summary(details.reviews(product(env).entityId())))
                .dataFetcher("reviews", this::reviews)
                .dataFetcher("upc", env -> details(env).upc())
                .dataFetcher("mpn", env -> details(env).mpn())
                .dataFetcher("gtin", env -> details(env).gtin()));
    DataFetcher<Object> variantPrices =
        env ->
            catalog.prices(
                ((VariantNode) env.getSource()).product(),
                currency(env.getArgument("currencyCode")),
                env.getGraphQlContext().get(Requester.KEY));
    builder.type("Variant", type -> type.dataFetcher("prices", variantPrices));
  }

  private static ProductNode product(DataFetchingEnvironment env) {
    return (ProductNode) env.getSource();
  }

  private ProductDetailsRecord details(DataFetchingEnvironment env) {
    return details.of(product(env).entityId());
  }

  /** BigCommerce falls back to the product's name for an empty page title. */
  private static SeoDetails seo(ProductNode product, ProductDetailsRecord d) {
    return new SeoDetails(
        d.pageTitle().isEmpty() ? product.name() : d.pageTitle(),
        d.metaDescription(),
        d.metaKeywords());
  }

  /**
   * The one base variant, kept when it passes every filter given ({@code entityIds}, {@code skus},
   * ...).
   */
  private Connection<VariantNode> variants(DataFetchingEnvironment env) {
    ProductNode product = product(env);
    VariantNode variant = new VariantNode(product, details.of(product.entityId()));
    List<Integer> entityIds = env.getArgument("entityIds");
    List<String> skus = env.getArgument("skus");
    List<?> optionValueIds = env.getArgument("optionValueIds");
    Boolean purchasable = env.getArgument("isPurchasable");
    boolean kept =
        (entityIds == null || entityIds.isEmpty() || entityIds.contains(variant.entityId()))
            && (skus == null || skus.isEmpty() || skus.contains(variant.sku()))
            && (optionValueIds == null || optionValueIds.isEmpty())
            && (purchasable == null || purchasable == variant.isPurchasable());
    return Connection.of(
        kept ? List.of(variant) : List.of(),
        env.getArgument("first"),
        env.getArgument("after"),
        env.getArgument("last"),
        env.getArgument("before"));
  }

  /** Approved reviews, sorted ({@code NEWEST} by default) and filtered by rating. */
  private Connection<ReviewView> reviews(DataFetchingEnvironment env) {
    List<ReviewRecord> all = details.reviews(product(env).entityId());
    Map<String, Object> filters = env.getArgument("filters");
    Object rating = filters == null ? null : filters.get("rating");
    Integer min =
        rating instanceof Map<?, ?> r && r.get("minRating") instanceof Integer i ? i : null;
    Integer max =
        rating instanceof Map<?, ?> r && r.get("maxRating") instanceof Integer i ? i : null;
    Object sort = env.getArgument("sort");
    Comparator<ReviewRecord> order =
        switch (sort == null ? "NEWEST" : sort.toString()) {
          case "OLDEST" ->
              Comparator.comparing(ReviewRecord::createdAt).thenComparing(ReviewRecord::entityId);
          case "HIGHEST_RATING" ->
              Comparator.comparingInt(ReviewRecord::rating)
                  .reversed()
                  .thenComparing(ReviewRecord::createdAt, Comparator.reverseOrder());
          case "LOWEST_RATING" ->
              Comparator.comparingInt(ReviewRecord::rating)
                  .thenComparing(ReviewRecord::createdAt, Comparator.reverseOrder());
          default ->
              Comparator.comparing(ReviewRecord::createdAt, Comparator.reverseOrder())
                  .thenComparing(ReviewRecord::entityId, Comparator.reverseOrder());
        };
    List<ReviewView> views =
        all.stream()
            .filter(r -> (min == null || r.rating() >= min) && (max == null || r.rating() <= max))
            .sorted(order)
            .map(ReviewView::of)
            .toList();
    return Connection.of(
        views,
        env.getArgument("first"),
        env.getArgument("after"),
        env.getArgument("last"),
        env.getArgument("before"));
  }

  private static String currency(Object value) {
    return value == null ? null : value.toString();
  }
}
