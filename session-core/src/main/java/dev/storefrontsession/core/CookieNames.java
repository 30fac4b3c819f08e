package dev.storefrontsession.core;

/**
 * Auth.js v5 cookie names. "secure" means the site is served over https (Auth.js's {@code
 * useSecureCookies}): the names then carry the {@code __Secure-} prefix, and the CSRF cookie the
 * stricter {@code __Host-} prefix.
 */
public final class CookieNames {

  public static final String SECURE_PREFIX = "__Secure-";
  public static final String HOST_PREFIX = "__Host-";
  public static final String SESSION_TOKEN = "authjs.session-token";

  /** Catalyst's cookie for a shopper who is not signed in (holds the guest cart id). */
  public static final String ANONYMOUS_SESSION_TOKEN = "authjs.anonymous-session-token";

  public static final String CSRF_TOKEN = "authjs.csrf-token";
  public static final String CALLBACK_URL = "authjs.callback-url";

  private CookieNames() {}

  /**
   * {@code authjs.session-token} or {@code __Secure-authjs.session-token}; also the HKDF salt of
   * its token.
   */
  public static String sessionToken(boolean secure) {
    return secure ? SECURE_PREFIX + SESSION_TOKEN : SESSION_TOKEN;
  }

  /** {@code authjs.anonymous-session-token} or {@code __Secure-authjs.anonymous-session-token}. */
  public static String anonymousSessionToken(boolean secure) {
    return secure ? SECURE_PREFIX + ANONYMOUS_SESSION_TOKEN : ANONYMOUS_SESSION_TOKEN;
  }

  /** {@code authjs.csrf-token} or {@code __Host-authjs.csrf-token}. */
  public static String csrfToken(boolean secure) {
    return secure ? HOST_PREFIX + CSRF_TOKEN : CSRF_TOKEN;
  }

  /** {@code authjs.callback-url} or {@code __Secure-authjs.callback-url}. */
  public static String callbackUrl(boolean secure) {
    return secure ? SECURE_PREFIX + CALLBACK_URL : CALLBACK_URL;
  }

  /**
   * True when {@code name} can be written in a {@code Set-Cookie} header: a non-empty RFC 6265
   * cookie-name (an RFC 9110 token: visible ASCII without separators). A request may carry other
   * names (a browser sends what a sibling subdomain planted); those can be neither deleted nor
   * overwritten, so they are ignored.
   */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isTokenChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTokenChar(char c) {
    return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }
}
