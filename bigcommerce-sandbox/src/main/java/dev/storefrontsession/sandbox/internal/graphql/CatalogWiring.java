package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.ImageView;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The per-product fields of product lists as plain graphql-java data fetchers: they run for every
 * product of every list, and an annotated-controller invocation costs several times more than the
 * work itself.
 */
final class CatalogWiring implements RuntimeWiringConfigurer {

  private final CatalogController catalog;

  CatalogWiring(CatalogController catalog) {
    this.catalog = catalog;
  }

  @Override
  public void configure(RuntimeWiring.Builder builder) {
    DataFetcher<Object> prices =
        env ->
            catalog.prices(
                env.getSource(),
                currency(env.getArgument("currencyCode")),
                env.getGraphQlContext().get(Requester.KEY));
    DataFetcher<Object> url =
        env ->
            CatalogController.url(
                (ImageView) env.getSource(), env.getArgument("width"), env.getArgument("height"));
    builder.type("Product", type -> type.dataFetcher("prices", prices));
    builder.type("Image", type -> type.dataFetcher("url", url));
  }

  private static String currency(Object value) {
    return value == null ? null : value.toString();
  }
}
