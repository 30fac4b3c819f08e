package dev.storefrontsession.sandbox.internal.service;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The channel's storefront URL, where checkout sends the shopper back (sign in, sign out, order
 * confirmation): what BigCommerce keeps as the channel's site ({@code PUT /v3/channels/{id}/site}).
 * Until a storefront sets it, the channel's vanity URL. Thread-safe.
 */
public final class ChannelSite {

  private final AtomicReference<URI> url;

  public ChannelSite(URI initial) {
    this.url = new AtomicReference<>(check(initial));
  }

  /**
   * The site's origin and path prefix, without a trailing slash ({@code http://localhost:8080}).
   */
  public URI url() {
    return url.get();
  }

  /**
   * Sets the site URL.
   *
   * @throws IllegalArgumentException unless it is an absolute http(s) URL without user info, query
   *     or fragment
   */
  public void set(URI site) {
    url.set(check(site));
  }

  /** {@code path} (starting with {@code /}) on the site. */
  public String link(String path) {
    return url.get().toString() + path;
  }

  private static URI check(URI site) {
    Objects.requireNonNull(site, "site");
    String scheme = site.getScheme() == null ? "" : site.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || site.getHost() == null
        || site.getUserInfo() != null
        || site.getRawQuery() != null
        || site.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "The site URL must be an absolute http(s) URL without query: " + site);
    }
    String text = site.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }
}
