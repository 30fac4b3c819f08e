package dev.storefrontsession.storefront.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link NoStoreConfiguredException} into Spring Boot's short start-up failure report. */
public final class NoStoreConfiguredFailureAnalyzer
    extends AbstractFailureAnalyzer<NoStoreConfiguredException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, NoStoreConfiguredException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "For a real store set BIGCOMMERCE_STORE_HASH (or BIGCOMMERCE_GRAPHQL_ENDPOINT) and"
            + " BIGCOMMERCE_STOREFRONT_TOKEN (docs/deploy.md); a sandbox started with bin/sandbox"
            + " prints its values. For the demo store in this process, run bin/storefront, which runs"
            + " the development jar (storefront-<version>-dev.jar) with the sandbox inside.",
        cause);
  }
}
