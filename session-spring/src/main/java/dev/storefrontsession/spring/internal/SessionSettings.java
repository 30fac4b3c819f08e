package dev.storefrontsession.spring.internal;

import dev.storefrontsession.core.CookieAttributes;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.spring.ShopperSessionEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The resolved, immutable session configuration shared by the filter, the security integration and
 * the endpoints. {@link #toString()} never shows a secret.
 */
public final class SessionSettings {

  private final KeyRing keyRing;
  private final SessionCodec codec;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration updateAge;
  private final Duration anonymousMaxAge;
  private final boolean exposeCustomerAccessToken;
  private final String signInPage;
  private final RequestOrigins origins;
  private final SessionPolicy policy;
  private final CookieAttributes secureCookies;
  private final CookieAttributes plainCookies;
  private final List<PathPattern> passivePaths;

  /**
   * The same patterns as plain string tests, or null when one of them needs {@link PathPattern}.
   */
  private final List<Literal> passiveLiterals;

  private final ShopperSessionEvents events;

  /** Decoded session cookies kept by default: a few MB at most, whatever the number of shoppers. */
  public static final int DEFAULT_DECODE_CACHE_SIZE = 1024;

  /** How long a decoded cookie is kept at most (its {@code exp} is checked on every request). */
  public static final Duration DECODE_CACHE_TTL = Duration.ofMinutes(1);

  /**
   * With {@link SessionPolicy#DEFAULT} (Auth.js's cookie lifetimes), no listener and the default
   * decode cache.
   */
  public SessionSettings(
      KeyRing keyRing,
      Clock clock,
      Duration maxAge,
      Duration updateAge,
      Duration anonymousMaxAge,
      boolean exposeCustomerAccessToken,
      String signInPage,
      RequestOrigins origins,
      List<String> passivePaths) {
    this(
        keyRing,
        clock,
        maxAge,
        updateAge,
        anonymousMaxAge,
        exposeCustomerAccessToken,
        signInPage,
        origins,
        passivePaths,
        ShopperSessionEvents.NONE,
        SessionPolicy.DEFAULT,
        DEFAULT_DECODE_CACHE_SIZE);
  }

  /**
   * With the listener told of sign-ins, sign-outs, rejected cookies and re-issues, the session
   * policy, and the number of decoded cookies the codec keeps ({@link
   * SessionCodec#withDecodeCache}, each for {@link #DECODE_CACHE_TTL}); 0: none.
   *
   * @throws SessionSettingException when partitioned cookies are asked for and cookies are not
   *     always secure, or the decode cache size is negative
   */
  public SessionSettings(
      KeyRing keyRing,
      Clock clock,
      Duration maxAge,
      Duration updateAge,
      Duration anonymousMaxAge,
      boolean exposeCustomerAccessToken,
      String signInPage,
      RequestOrigins origins,
      List<String> passivePaths,
      ShopperSessionEvents events,
      SessionPolicy policy,
      int decodeCacheSize) {
    this.events = Objects.requireNonNull(events, "events");
    this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (decodeCacheSize < 0) {
      throw new SessionSettingException(
          "storefront.session.decode-cache-size must not be negative, was " + decodeCacheSize,
          "Set it to the number of decoded session cookies to keep, e.g. 1024, or 0 for none.");
    }
    SessionCodec plainCodec = new SessionCodec(keyRing, clock);
    this.codec =
        decodeCacheSize == 0
            ? plainCodec
            : plainCodec.withDecodeCache(decodeCacheSize, DECODE_CACHE_TTL);
    this.maxAge = positive(maxAge, "storefront.session.max-age");
    this.updateAge = Objects.requireNonNull(updateAge, "updateAge");
    if (updateAge.isNegative()) {
      throw new IllegalArgumentException(
          "storefront.session.update-age must not be negative, was " + updateAge);
    }
    this.anonymousMaxAge = positive(anonymousMaxAge, "storefront.session.anonymous-max-age");
    this.exposeCustomerAccessToken = exposeCustomerAccessToken;
    if (signInPage == null || !signInPage.startsWith("/") || signInPage.startsWith("//")) {
      throw new IllegalArgumentException(
          "storefront.session.sign-in-page must be a local path such as /login, was " + signInPage);
    }
    this.signInPage = signInPage;
    this.origins = Objects.requireNonNull(origins, "origins");
    this.policy = Objects.requireNonNull(policy, "policy");
    if (policy.partitionedCookies() && !origins.alwaysSecure()) {
      // a Partitioned or SameSite=None cookie without Secure is dropped by browsers: every shopper
      // would lose the
      // session on each request served over plain http
      throw new SessionSettingException(
          "storefront.session.partitioned-cookies needs https: partitioned cookies"
              + " are SameSite=None and must be Secure, but cookies here are not secure on every request",
          "Set AUTH_URL (storefront.session.url) to the storefront's https:// URL, or set"
              + " storefront.session.use-secure-cookies=true behind a proxy that terminates TLS; or turn"
              + " storefront.session.partitioned-cookies off");
    }
    this.plainCookies = cookieAttributes(false, policy);
    this.secureCookies = cookieAttributes(true, policy);
    this.passivePaths = parse(passivePaths);
    this.passiveLiterals = literals(passivePaths);
  }

  /** Told of sign-ins, sign-outs, rejected cookies and re-issues (metrics, audit log). */
  public ShopperSessionEvents events() {
    return events;
  }

  /**
   * A pattern that is a plain path ({@code /favicon.ico}) or a plain path followed by {@code /**}.
   */
  private record Literal(String path, boolean andBelow) {
    boolean matches(String requestPath) {
      if (requestPath.equals(path)) {
        return true;
      }
      return andBelow
          && requestPath.length() > path.length()
          && requestPath.charAt(path.length()) == '/'
          && requestPath.startsWith(path);
    }
  }

  private static List<Literal> literals(List<String> patterns) {
    if (patterns == null) {
      return List.of();
    }
    List<Literal> literals = new ArrayList<>();
    for (String pattern : patterns) {
      boolean andBelow = pattern.endsWith("/**");
      String path = andBelow ? pattern.substring(0, pattern.length() - 3) : pattern;
      if (!path.startsWith("/")
          || path.chars().anyMatch(c -> "*?{}%;\\".indexOf(c) >= 0)
          || (andBelow && path.isEmpty())) {
        return null;
      }
      literals.add(new Literal(path, andBelow));
    }
    return List.copyOf(literals);
  }

  private static CookieAttributes cookieAttributes(boolean secure, SessionPolicy policy) {
    CookieAttributes defaults = CookieAttributes.authJsDefaults(secure);
    return policy.partitionedCookies()
        ? defaults.toBuilder().sameSite(CookieAttributes.SameSite.NONE).partitioned(true).build()
        : defaults;
  }

  private static Duration positive(Duration value, String name) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  private static List<PathPattern> parse(List<String> patterns) {
    PathPatternParser parser = PathPatternParser.defaultInstance;
    return patterns == null ? List.of() : patterns.stream().map(parser::parse).toList();
  }

  public KeyRing keyRing() {
    return keyRing;
  }

  public SessionCodec codec() {
    return codec;
  }

  public Clock clock() {
    return clock;
  }

  public Duration maxAge() {
    return maxAge;
  }

  public Duration updateAge() {
    return updateAge;
  }

  public Duration anonymousMaxAge() {
    return anonymousMaxAge;
  }

  public boolean exposeCustomerAccessToken() {
    return exposeCustomerAccessToken;
  }

  public String signInPage() {
    return signInPage;
  }

  public RequestOrigins origins() {
    return origins;
  }

  public SessionPolicy policy() {
    return policy;
  }

  /**
   * The attributes every cookie of this module starts from: Auth.js's ({@code Path=/; HttpOnly;
   * SameSite=Lax}, {@code Secure} when secure), or {@code SameSite=None; Partitioned} with
   * partitioned cookies.
   */
  public CookieAttributes cookieAttributes(boolean secure) {
    return secure ? secureCookies : plainCookies;
  }

  /** True when the path never gets an anonymous session or CSRF cookie created for it. */
  public boolean isPassive(String path) {
    // Plain patterns and a plain path (no escapes, no path parameters) are compared as strings,
    // with the same
    // result as PathPattern (checked by a property test) and without parsing the path on every page
    // view.
    if (passiveLiterals != null
        && path != null
        && !path.isEmpty()
        && path.indexOf('%') < 0
        && path.indexOf(';') < 0) {
      for (Literal literal : passiveLiterals) {
        if (literal.matches(path)) {
          return true;
        }
      }
      return false;
    }
    return matches(passivePaths, path);
  }

  /** {@link #isPassive} by {@link PathPattern} alone (for tests of the string fast path). */
  boolean isPassiveByPattern(String path) {
    return matches(passivePaths, path);
  }

  private static boolean matches(List<PathPattern> patterns, String path) {
    PathContainer container = PathContainer.parsePath(path == null || path.isEmpty() ? "/" : path);
    for (PathPattern pattern : patterns) {
      if (pattern.matches(container)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "SessionSettings[keyRing=<redacted>, maxAge="
        + maxAge
        + ", updateAge="
        + updateAge
        + ", policy="
        + policy
        + "]";
  }
}
