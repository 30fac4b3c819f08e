package dev.storefrontsession.storefront.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns missing production settings into Spring Boot's short "APPLICATION FAILED TO START" report.
 */
public final class ProductionSettingsFailureAnalyzer
    extends AbstractFailureAnalyzer<ProductionSettingsMissingException> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, ProductionSettingsMissingException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set the settings above in the environment (or as the storefront.* properties named). The store's"
            + " values come from its BigCommerce control panel: the store hash, a private storefront token"
            + " for the channel, and an API client id and secret for Customer Login (SSO)."
            + " BIGCOMMERCE_GRAPHQL_ENDPOINT may replace BIGCOMMERCE_STORE_HASH for a proxy or gateway."
            + " Production never starts the embedded demo sandbox; for a local run leave STOREFRONT_ENV"
            + " unset.",
        cause);
  }
}
