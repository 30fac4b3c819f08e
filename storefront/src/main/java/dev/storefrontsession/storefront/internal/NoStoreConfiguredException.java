package dev.storefrontsession.storefront.internal;

/**
 * No store is configured and this storefront has no embedded sandbox to fall back on: it is the
 * production jar, which leaves the sandbox out. The storefront must not start. Reported by {@link
 * NoStoreConfiguredFailureAnalyzer}.
 */
public final class NoStoreConfiguredException extends IllegalStateException {

  public NoStoreConfiguredException() {
    super(
        "No store is configured (BIGCOMMERCE_STORE_HASH or BIGCOMMERCE_GRAPHQL_ENDPOINT), and this"
            + " storefront jar has no embedded sandbox to start instead: the production jar leaves the"
            + " sandbox out.");
  }
}
