package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.spring.ShopperLocales;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The locale and channel of a request: the locale from {@link ShopperLocales}, the channel as the
 * store client decides it for that locale ({@link StorefrontClient#channelFor}), so the session's
 * cart and the store call always name the same channel. Thread-safe (stateless).
 */
public final class RequestChannels {

  private final ShopperLocales locales;
  private final StorefrontClient client;

  public RequestChannels(ShopperLocales locales, StorefrontClient client) {
    this.locales = locales;
    this.client = client;
  }

  /** The request's locale, or null when there is none or it cannot be sent in a header. */
  public String locale(HttpServletRequest request) {
    String locale;
    try {
      locale = locales.localeOf(request);
      CustomerContext.guest().withLocale(locale); // rejects what cannot be a header value
    } catch (IllegalArgumentException unusable) {
      return null;
    }
    return locale == null || locale.isBlank() ? null : locale.strip();
  }

  /** The channel id of the request, in decimal (the key of {@code user.cartIds}). */
  public String channelId(HttpServletRequest request) {
    return Long.toString(
        client.channelFor(null, CustomerContext.guest().withLocale(locale(request))));
  }

  /**
   * The channel id of a call for {@code context} that names the channel {@code explicit} (null:
   * none).
   */
  public String channelId(Long explicit, CustomerContext context) {
    return Long.toString(client.channelFor(explicit, context));
  }
}
