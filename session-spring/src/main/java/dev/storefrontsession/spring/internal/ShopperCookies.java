package dev.storefrontsession.spring.internal;

import dev.storefrontsession.core.CookieAttributes;
import dev.storefrontsession.core.CookieChunker;
import dev.storefrontsession.core.CookieNames;
import dev.storefrontsession.core.SetCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Set-Cookie values this module writes, built with session-core's {@link CookieChunker} and {@link SetCookie}:
 * every cookie is {@code HttpOnly; SameSite=Lax; Path=/}, {@code Secure} when the request is secure (Auth.js's
 * defaults). Stateless.
 */
final class ShopperCookies {

  private ShopperCookies() {}

  /** True when the request carries the session cookie or any chunk of it (non-empty). */
  static boolean hasSession(String name, Map<String, String> requestCookies) {
    return !CookieChunker.presentNames(name, requestCookies).isEmpty();
  }

  /** Sets the session token (chunked when long), deleting stale chunks, with {@code Expires = now + maxAge}. */
  static List<String> writeSession(String name, String token, boolean secure, Instant expires,
      Map<String, String> requestCookies) {
    CookieAttributes attributes = CookieAttributes.authJsDefaults(secure).withExpires(expires);
    return headers(CookieChunker.write(name, token, attributes, requestCookies));
  }

  /** Deletes the session cookie and every chunk of it the request carried. */
  static List<String> clearSession(String name, boolean secure, Map<String, String> requestCookies) {
    return headers(CookieChunker.clear(name, CookieAttributes.authJsDefaults(secure), requestCookies));
  }

  /** A single (unchunked) cookie with {@code Max-Age} and {@code Expires}, as Catalyst's anonymous cookie. */
  static String write(String name, String value, boolean secure, Instant now, Duration maxAge) {
    CookieAttributes attributes = CookieAttributes.authJsDefaults(secure).toBuilder()
        .maxAge(maxAge).expires(now.plus(maxAge)).build();
    return new SetCookie(name, value, attributes).toHeaderValue();
  }

  /** A browser-session cookie (no expiry), as Auth.js's CSRF cookie. */
  static String writeSessionScoped(String name, String value, boolean secure) {
    return new SetCookie(name, value, CookieAttributes.authJsDefaults(secure)).toHeaderValue();
  }

  /** Deletes a single cookie: empty value, {@code Max-Age=0}. */
  static String delete(String name, boolean secure) {
    return SetCookie.deletion(name, CookieAttributes.authJsDefaults(secure)).toHeaderValue();
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
