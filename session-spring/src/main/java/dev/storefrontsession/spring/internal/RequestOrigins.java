package dev.storefrontsession.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Decides, per request, the public origin of the storefront, whether cookies must be secure, and
 * the shopper's IP, as next-auth does: {@code AUTH_URL} when set; else, with {@code
 * AUTH_TRUST_HOST} and a request whose socket peer is one of the {@link TrustedProxies}, {@code
 * X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-For}; else the request
 * itself. Immutable and thread-safe.
 */
public final class RequestOrigins {

  private final URI publicUrl;
  private final boolean trustForwardedHeaders;
  private final Boolean forceSecure;
  private final TrustedProxies trustedProxies;

  /**
   * As {@link #RequestOrigins(URI, boolean, Boolean, TrustedProxies)} with the {@link
   * TrustedProxies#DEFAULT} ones.
   */
  public RequestOrigins(URI publicUrl, boolean trustForwardedHeaders, Boolean forceSecure) {
    this(publicUrl, trustForwardedHeaders, forceSecure, TrustedProxies.of(TrustedProxies.DEFAULT));
  }

  /**
   * @param publicUrl {@code AUTH_URL}, or null
   * @param trustForwardedHeaders honour {@code X-Forwarded-*} headers
   * @param forceSecure true/false to force secure cookies, null to decide per request
   * @param trustedProxies whose forwarded headers count when {@code trustForwardedHeaders} is on
   */
  public RequestOrigins(
      URI publicUrl,
      boolean trustForwardedHeaders,
      Boolean forceSecure,
      TrustedProxies trustedProxies) {
    if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
      throw new IllegalArgumentException(
          "AUTH_URL must be an absolute http(s) URL, e.g. https://shop.example.com");
    }
    this.publicUrl = publicUrl;
    this.trustForwardedHeaders = trustForwardedHeaders;
    this.forceSecure = forceSecure;
    this.trustedProxies = java.util.Objects.requireNonNull(trustedProxies, "trustedProxies");
  }

  /**
   * The shopper's IP address: with {@code AUTH_TRUST_HOST}, the hop a trusted proxy reports (see
   * {@link TrustedProxies#shopperIp}); else the socket peer. Null when there is no IP address at
   * all.
   */
  public String shopperIp(HttpServletRequest request) {
    return trustForwardedHeaders
        ? trustedProxies.shopperIp(request)
        : dev.storefrontsession.client.ShopperIp.canonical(request.getRemoteAddr()).orElse(null);
  }

  private boolean forwardedHeadersCount(HttpServletRequest request) {
    return trustForwardedHeaders && trustedProxies.isFromTrustedProxy(request);
  }

  /** True when {@code X-Forwarded-*} headers are trusted ({@code AUTH_TRUST_HOST}). */
  public boolean trustsForwardedHeaders() {
    return trustForwardedHeaders;
  }

  /**
   * True when every request's cookies are secure: forced on, or decided by an {@code https} {@code
   * AUTH_URL}. (Not known for a request that is decided per request.)
   */
  public boolean alwaysSecure() {
    if (forceSecure != null) {
      return forceSecure;
    }
    return publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
  }

  /**
   * True when cookies of this request get the {@code Secure} attribute and {@code __Secure-}/{@code
   * __Host-} names.
   */
  public boolean isSecure(HttpServletRequest request) {
    if (forceSecure != null) {
      return forceSecure;
    }
    return "https".equals(scheme(request));
  }

  /** The origin, {@code scheme://host[:port]}, without a trailing slash. */
  public String origin(HttpServletRequest request) {
    if (publicUrl != null) {
      return publicUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + publicUrl.getRawAuthority();
    }
    String host = null;
    if (forwardedHeadersCount(request)) {
      host = firstValue(request.getHeader("X-Forwarded-Host"));
    }
    if (host == null) {
      host = request.getHeader("Host");
    }
    if (host == null || !isPlausibleHost(host)) {
      host = request.getServerName() + ":" + request.getServerPort();
    }
    return scheme(request) + "://" + host;
  }

  private String scheme(HttpServletRequest request) {
    if (publicUrl != null) {
      return publicUrl.getScheme().toLowerCase(Locale.ROOT);
    }
    if (forwardedHeadersCount(request)) {
      String forwarded = firstValue(request.getHeader("X-Forwarded-Proto"));
      if (forwarded != null) {
        return "https".equalsIgnoreCase(forwarded) ? "https" : "http";
      }
    }
    return request.isSecure() ? "https" : "http";
  }

  private static String firstValue(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    int comma = header.indexOf(',');
    String value = (comma < 0 ? header : header.substring(0, comma)).strip();
    return value.isEmpty() ? null : value;
  }

  private static boolean isPlausibleHost(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!(Character.isLetterOrDigit(c)
          || c == '.'
          || c == '-'
          || c == ':'
          || c == '['
          || c == ']')) {
        return false;
      }
    }
    return !host.isEmpty();
  }
}
