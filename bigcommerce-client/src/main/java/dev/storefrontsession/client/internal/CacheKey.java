package dev.storefrontsession.client.internal;

import java.util.Objects;

/**
 * The identity of a cacheable guest response: endpoint, channel, locale, document and canonical
 * variables. Built only for guest calls, so it can never hold a customer access token.
 */
public record CacheKey(
    String endpoint, long channelId, String locale, String document, String canonicalVariables) {

  public CacheKey {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(canonicalVariables, "canonicalVariables");
  }

  @Override
  public String toString() {
    // Variables are not shown: guest variables are not secret, but keep log lines short and
    // uniform.
    return "CacheKey["
        + endpoint
        + ", channel="
        + channelId
        + ", locale="
        + locale
        + ", document#"
        + Integer.toHexString(document.hashCode())
        + "]";
  }
}
