package dev.storefrontsession.spring;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reduces redirect targets taken from requests ({@code redirectTo}, {@code callbackUrl}, a JWT's
 * {@code redirect_to}) to a path and query on this storefront, so that no parameter can send a
 * shopper to another site (open redirect). Stateless and thread-safe.
 */
public final class SafeRedirects {

  private SafeRedirects() {}

  /**
   * The path and query of {@code target}, or {@code fallback} when the target is empty, unparsable,
   * protocol-relative ({@code //host}), uses backslashes or control characters, or is not a path
   * after reduction. Scheme and host of an absolute URL are dropped (Catalyst reduces {@code
   * redirectTo} the same way).
   *
   * @param target the requested target, may be null
   * @param fallback a local path returned when the target is not usable, starting with {@code /}
   */
  public static String pathAndQuery(String target, String fallback) {
    if (target == null || target.isBlank()) {
      return fallback;
    }
    String candidate = target.strip();
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        return fallback;
      }
    }
    URI uri;
    try {
      uri = new URI(candidate);
    } catch (URISyntaxException e) {
      return fallback;
    }
    if (uri.isOpaque()) {
      return fallback;
    }
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    if (!path.startsWith("/") || path.startsWith("//")) {
      return fallback;
    }
    String query = uri.getRawQuery();
    return query == null ? path : path + "?" + query;
  }

  /** {@link #pathAndQuery(String, String)} with fallback {@code /}. */
  public static String pathAndQuery(String target) {
    return pathAndQuery(target, "/");
  }
}
