package dev.storefrontsession.sandbox.internal.service;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Each channel's storefront URL, where checkout sends the shopper back (sign in, sign out, order
 * confirmation): what BigCommerce keeps as a channel's site ({@code PUT /v3/channels/{id}/site}).
 * One site URL is the default, for every channel without a site of its own; until a storefront sets
 * it, the default channel's vanity URL. A storefront that serves a channel under a path (the French
 * channel at {@code /fr}) registers that channel's site with the path, so its checkout returns
 * there. Thread-safe.
 */
public final class ChannelSite {

  private final AtomicReference<URI> url;
  private final Map<Long, URI> byChannel = new ConcurrentHashMap<>();

  public ChannelSite(URI initial) {
    this.url = new AtomicReference<>(check(initial));
  }

  /**
   * The default site's origin and path prefix, without a trailing slash ({@code
   * http://localhost:8080}).
   */
  public URI url() {
    return url.get();
  }

  /** The site of {@code channelId}: its own, else the default one (also for null). */
  public URI url(@Nullable Long channelId) {
    URI own = channelId == null ? null : byChannel.get(channelId);
    return own != null ? own : url.get();
  }

  /**
   * Sets the default site URL.
   *
   * @throws IllegalArgumentException unless it is an absolute http(s) URL without user info, query
   *     or fragment
   */
  public void set(URI site) {
    url.set(check(site));
  }

  /**
   * Sets the site URL of one channel (the caller checks that the store has the channel).
   *
   * @throws IllegalArgumentException as {@link #set(URI)}
   */
  public void set(long channelId, URI site) {
    byChannel.put(channelId, check(site));
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
