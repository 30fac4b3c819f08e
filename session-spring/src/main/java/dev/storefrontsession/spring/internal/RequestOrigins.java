package dev.storefrontsession.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Decides, per request, the public origin of the storefront and whether cookies must be secure, as next-auth does:
 * {@code AUTH_URL} when set; else, behind a trusted proxy ({@code AUTH_TRUST_HOST}), {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host}; else the request itself. Immutable and thread-safe.
 */
public final class RequestOrigins {

  private final URI publicUrl;
  private final boolean trustForwardedHeaders;
  private final Boolean forceSecure;

  /**
   * @param publicUrl             {@code AUTH_URL}, or null
   * @param trustForwardedHeaders honour {@code X-Forwarded-*} headers
   * @param forceSecure           true/false to force secure cookies, null to decide per request
   */
  public RequestOrigins(URI publicUrl, boolean trustForwardedHeaders, Boolean forceSecure) {
    if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
      throw new IllegalArgumentException("AUTH_URL must be an absolute http(s) URL, e.g. https://shop.example.com");
    }
    this.publicUrl = publicUrl;
    this.trustForwardedHeaders = trustForwardedHeaders;
    this.forceSecure = forceSecure;
  }

  /** True when {@code X-Forwarded-*} headers are trusted ({@code AUTH_TRUST_HOST}). */
  public boolean trustsForwardedHeaders() {
    return trustForwardedHeaders;
  }

  /** True when cookies of this request get the {@code Secure} attribute and {@code __Secure-}/{@code __Host-} names. */
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
    if (trustForwardedHeaders) {
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
    if (trustForwardedHeaders) {
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
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']')) {
        return false;
      }
    }
    return !host.isEmpty();
  }
}
