package dev.storefrontsession.sandbox.internal.graphql;

/**
 * The store URLs the schema reports. The sandbox has no storefront of its own, so they use the
 * reserved {@code .invalid} domain rather than pretending to be a real host.
 */
public record SiteUrls(String vanityUrl, String cdnUrl, String checkoutUrl) {

  public static SiteUrls of(String storeHash, long channelId) {
    String vanity = "https://store-" + storeHash + "-" + channelId + ".sandbox.invalid";
    return new SiteUrls(vanity, "https://cdn.sandbox.invalid", vanity + "/checkout");
  }
}
