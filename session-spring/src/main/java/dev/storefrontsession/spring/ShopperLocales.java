package dev.storefrontsession.spring;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The shopper's locale of a request, which also picks the request's channel: the store client's
 * {@link dev.storefrontsession.client.ChannelResolver} maps it to a channel id (Catalyst's {@code
 * getChannelIdFromLocale}), and the session keeps one cart per channel ({@code user.cartIds}). The
 * default reads {@code Accept-Language}; a storefront that routes locales by path ({@code /fr/...})
 * defines a bean that reads the path instead. Implementations must be thread-safe and cheap: they
 * run at most once per request.
 */
@FunctionalInterface
public interface ShopperLocales {

  /** The locale of {@code request} as a language tag ({@code en}, {@code fr}), or null for none. */
  String localeOf(HttpServletRequest request);

  /** The language of {@code Accept-Language} when the request has that header, else none. */
  static ShopperLocales acceptLanguage() {
    return request ->
        request.getHeader("Accept-Language") == null ? null : request.getLocale().getLanguage();
  }
}
