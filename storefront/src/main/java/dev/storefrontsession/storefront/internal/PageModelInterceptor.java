package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.StorefrontException;
import dev.storefrontsession.spring.ShopperSessions;
import dev.storefrontsession.storefront.internal.Views.HeaderView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds what every rendered page shows: the header (categories, cart count, sign-in state), the
 * pending flash message and whether the demo logins apply. Nothing is added to redirects. A store
 * outage degrades the header (no categories, count 0) instead of failing the page.
 */
@Component
public class PageModelInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(PageModelInterceptor.class);

  private final CatalogService catalog;
  private final CartService carts;
  private final ShopperSessions shoppers;
  private final FlashMessages flash;
  private final StorefrontLocales locales;
  private final CurrencyPreference currency;
  private final boolean sandbox;

  public PageModelInterceptor(
      CatalogService catalog,
      CartService carts,
      ShopperSessions shoppers,
      FlashMessages flash,
      StorefrontLocales locales,
      CurrencyPreference currency,
      ObjectProvider<EmbeddedStore> sandbox) {
    this.catalog = catalog;
    this.carts = carts;
    this.shoppers = shoppers;
    this.flash = flash;
    this.locales = locales;
    this.currency = currency;
    this.sandbox = sandbox.getIfAvailable() != null;
  }

  /**
   * A link of the locale switcher: this page in another locale (an href already prefixed, not
   * re-encoded).
   */
  public record LocaleLink(String tag, String href, boolean active) {}

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
    if (mav == null
        || mav.getViewName() == null
        || mav.getViewName().startsWith("redirect:")
        || mav.getViewName().startsWith("forward:")) {
      return;
    }
    mav.addObject("header", header());
    flash.consume(request, response).ifPresent(f -> mav.addObject("flash", f));
    mav.addObject("demoLogins", sandbox);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
    mav.addObject("currentPath", path + query);
    mav.addObject("locales", localeLinks(request, path + query));
    try {
      mav.addObject("currencies", currency.options());
    } catch (StorefrontException e) {
      log.warn("Currencies unavailable: {}", e.getClass().getSimpleName());
    }
  }

  /** The switcher's links for the page at {@code path} (without the locale prefix). */
  private List<LocaleLink> localeLinks(HttpServletRequest request, String path) {
    Object current = request.getAttribute(LocalePathFilter.LOCALE);
    String context = request.getContextPath();
    return locales.all().stream()
        .map(
            l ->
                new LocaleLink(
                    l.tag(),
                    context
                        + (l.prefix().isEmpty()
                            ? path
                            : l.prefix() + ("/".equals(path) ? "" : path)),
                    l.equals(current)))
        .toList();
  }

  /** The header for the current shopper; tolerant of store outages. */
  public HeaderView header() {
    List<Views.CategoryLink> categories = List.of();
    try {
      categories = catalog.navigation();
    } catch (StorefrontException e) {
      log.warn("Navigation unavailable: {}", e.getClass().getSimpleName());
    }
    int count = 0;
    try {
      count = carts.count();
    } catch (StorefrontException e) {
      log.warn("Cart count unavailable: {}", e.getClass().getSimpleName());
    }
    return HeaderView.of(categories, count, shoppers);
  }
}
