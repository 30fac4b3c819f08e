package dev.storefrontsession.spring.internal;

import dev.storefrontsession.core.CookieAttributes;
import dev.storefrontsession.core.CookieChunker;
import dev.storefrontsession.core.CookieNames;
import dev.storefrontsession.core.SetCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Set-Cookie values this module writes, built with session-core's {@link CookieChunker} and
 * {@link SetCookie} from the base attributes {@link SessionSettings#cookieAttributes(boolean)}
 * gives: by default {@code HttpOnly; SameSite=Lax; Path=/}, {@code Secure} when the request is
 * secure (Auth.js's defaults). Stateless.
 */
final class ShopperCookies {

  private ShopperCookies() {}

  /** True when the request carries the session cookie or any chunk of it (non-empty). */
  static boolean hasSession(String name, Map<String, String> requestCookies) {
    return !CookieChunker.presentNames(name, requestCookies).isEmpty();
  }

  /**
   * Sets the session token (chunked when long), deleting stale chunks.
   *
   * @param expires the cookie's {@code Expires}, or null for a browser-session cookie
   */
  static List<String> writeSession(
      String name,
      String token,
      CookieAttributes base,
      @Nullable Instant expires,
      Map<String, String> requestCookies) {
    CookieAttributes attributes = expires == null ? base : base.withExpires(expires);
    return headers(CookieChunker.write(name, token, attributes, requestCookies));
  }

  /** Deletes the session cookie and every chunk of it the request carried. */
  static List<String> clearSession(
      String name, CookieAttributes base, Map<String, String> requestCookies) {
    return headers(CookieChunker.clear(name, base, requestCookies));
  }

  /**
   * A single (unchunked) cookie with {@code Max-Age} and {@code Expires}, as Catalyst's anonymous
   * cookie.
   *
   * @param maxAge the lifetime, or null for a browser-session cookie (neither attribute)
   */
  static String write(
      String name, String value, CookieAttributes base, Instant now, @Nullable Duration maxAge) {
    CookieAttributes attributes =
        maxAge == null ? base : base.toBuilder().maxAge(maxAge).expires(now.plus(maxAge)).build();
    return new SetCookie(name, value, attributes).toHeaderValue();
  }

  /** A browser-session cookie (no expiry), as Auth.js's CSRF cookie. */
  static String writeSessionScoped(String name, String value, CookieAttributes base) {
    return new SetCookie(name, value, base).toHeaderValue();
  }

  /** Deletes a single cookie: empty value, {@code Max-Age=0}. */
  static String delete(String name, CookieAttributes base) {
    return SetCookie.deletion(name, base).toHeaderValue();
  }

  static String sessionName(boolean secure) {
    return CookieNames.sessionToken(secure);
  }

  static String anonymousName(boolean secure) {
    return CookieNames.anonymousSessionToken(secure);
  }

  static String csrfName(boolean secure) {
    return CookieNames.csrfToken(secure);
  }

  private static List<String> headers(List<SetCookie> cookies) {
    return cookies.stream().map(SetCookie::toHeaderValue).toList();
  }
}
