package dev.storefrontsession.client.internal;

import dev.storefrontsession.client.OperationType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Builds Storefront API URLs: {@code
 * https://store-{hash}-{channel}.{domain}/graphql?operation=…&type=…}, or an override (sandbox,
 * proxy) in which {@code {storeHash}} and {@code {channelId}} are replaced when present.
 */
public final class Endpoints {

  private static final Pattern STORE_HASH = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

  private final String override;
  private final String storeHash;
  private final String domain;

  /**
   * @param override a full endpoint (template), or null to use the store's channel URL
   * @param storeHash required when {@code override} is null or contains {@code {storeHash}}
   * @param domain the API domain, e.g. {@code mybigcommerce.com}
   */
  public Endpoints(String override, String storeHash, String domain) {
    if (override == null || override.contains("{storeHash}")) {
      if (storeHash == null || !STORE_HASH.matcher(storeHash).matches()) {
        throw new IllegalArgumentException(
            "store hash must be 1-64 letters or digits"
                + (storeHash == null ? " (none given)" : ", was '" + storeHash + "'"));
      }
    }
    if (override == null && (domain == null || !DOMAIN.matcher(domain).matches())) {
      throw new IllegalArgumentException(
          "API domain must be a host name like mybigcommerce.com, was '" + domain + "'");
    }
    if (override != null) {
      URI probe = URI.create(override.replace("{storeHash}", "x").replace("{channelId}", "1"));
      if (probe.getScheme() == null
          || !(probe.getScheme().equals("http") || probe.getScheme().equals("https"))
          || probe.getHost() == null) {
        throw new IllegalArgumentException(
            "endpoint must be an absolute http(s) URL, was '" + override + "'");
      }
      if (probe.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "endpoint must not have a fragment, was '" + override + "'");
      }
    }
    this.override = override;
    this.storeHash = storeHash;
    this.domain = domain;
  }

  /**
   * The endpoint for a channel without the operation parameters (also the cache key's endpoint
   * part).
   */
  public String base(long channelId) {
    if (override == null) {
      return "https://store-" + storeHash + "-" + channelId + "." + domain + "/graphql";
    }
    String url = override.replace("{channelId}", Long.toString(channelId));
    return storeHash == null ? url : url.replace("{storeHash}", storeHash);
  }

  /**
   * The endpoint for a call: {@code base} plus {@code operation} (empty when anonymous) and {@code
   * type}.
   */
  public URI forOperation(long channelId, OperationType type, String operationName) {
    String base = base(channelId);
    String query =
        "operation="
            + (operationName == null
                ? ""
                : URLEncoder.encode(operationName, StandardCharsets.UTF_8))
            + "&type="
            + type.keyword();
    return URI.create(base + (base.indexOf('?') >= 0 ? "&" : "?") + query);
  }
}
