package dev.storefrontsession.storefront.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves {@code /fr/...} with the handlers of {@code /...}: the rest of the chain (Spring Security,
 * MVC) sees the path without the locale prefix, and every link and redirect a page makes through
 * the response ({@code @{/cart}}, {@code redirect:/cart}) gets the prefix back, so a shopper stays
 * in their locale. Runs after the session filter (which sees the prefixed path: the locale picks
 * the session's channel) and before Spring Security. Static files and {@code /api/} are never
 * prefixed. The request's locale is left in the attribute {@link #LOCALE}. Thread-safe.
 */
public final class LocalePathFilter extends OncePerRequestFilter {

  /** After the session filter ({@code -110}), before Spring Security ({@code -100}). */
  public static final int ORDER = -105;

  /** The request attribute holding the request's {@link StorefrontLocales.StoreLocale}. */
  public static final String LOCALE = LocalePathFilter.class.getName() + ".locale";

  private static final String ALREADY_FILTERED = LocalePathFilter.class.getName() + ".FILTERED";

  private final StorefrontLocales locales;

  public LocalePathFilter(StorefrontLocales locales) {
    this.locales = locales;
  }

  /** One constant name: Spring's default concatenates (and so hashes) a new string per request. */
  @Override
  protected String getAlreadyFilteredAttributeName() {
    return ALREADY_FILTERED;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String context = request.getContextPath();
    String path = request.getRequestURI().substring(context.length());
    StorefrontLocales.StoreLocale locale = locales.ofPath(path);
    request.setAttribute(LOCALE, locale);
    if (locale.prefix().isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String rest = path.substring(locale.prefix().length());
    String stripped = rest.isEmpty() ? "/" : rest;
    chain.doFilter(
        new Unprefixed(request, context + stripped, stripped),
        new Prefixing(response, context, locale.prefix()));
  }

  /**
   * {@code path} with the locale {@code prefix} when it is a page of this storefront, else as it
   * is.
   */
  static String prefixed(String url, String context, String prefix) {
    if (url == null || !url.startsWith(context + "/") || url.startsWith(context + "//")) {
      return url;
    }
    String path = url.substring(context.length());
    if (path.equals(prefix)
        || path.startsWith(prefix + "/")
        || path.startsWith(prefix + "?")
        || path.startsWith("/css/")
        || path.startsWith("/img/")
        || path.startsWith("/api/")
        || path.equals("/favicon.ico")) {
      return url;
    }
    return context + prefix + (path.equals("/") ? "" : path);
  }

  private static final class Unprefixed extends HttpServletRequestWrapper {
    private final String uri;
    private final String servletPath;

    Unprefixed(HttpServletRequest request, String uri, String servletPath) {
      super(request);
      this.uri = uri;
      this.servletPath = servletPath;
    }

    @Override
    public String getRequestURI() {
      return uri;
    }

    @Override
    public String getServletPath() {
      return servletPath;
    }

    @Override
    public StringBuffer getRequestURL() {
      StringBuffer url = new StringBuffer();
      url.append(getScheme())
          .append("://")
          .append(getServerName())
          .append(':')
          .append(getServerPort())
          .append(uri);
      return url;
    }
  }

  private static final class Prefixing extends HttpServletResponseWrapper {
    private final String context;
    private final String prefix;

    Prefixing(HttpServletResponse response, String context, String prefix) {
      super(response);
      this.context = context;
      this.prefix = prefix;
    }

    @Override
    public String encodeURL(String url) {
      return super.encodeURL(prefixed(url, context, prefix));
    }

    @Override
    public String encodeRedirectURL(String url) {
      return super.encodeRedirectURL(prefixed(url, context, prefix));
    }
  }
}
