package dev.storefrontsession.core;

import java.time.Duration;
import java.time.Instant;

/**
 * The attributes of a Set-Cookie header.
 *
 * @param path nullable
 * @param domain nullable (a {@code __Host-} cookie must have none)
 * @param httpOnly HttpOnly
 * @param secure Secure
 * @param sameSite nullable
 * @param expires nullable; written as an HTTP date
 * @param maxAge nullable; whole seconds, {@link Duration#ZERO} deletes the cookie
 * @param partitioned Partitioned (CHIPS): the browser keeps the cookie per top-level site, so a
 *     storefront shown in another site's iframe keeps its session there; browsers want {@code
 *     Secure} and {@code SameSite=None} with it
 */
public record CookieAttributes(
    String path,
    String domain,
    boolean httpOnly,
    boolean secure,
    SameSite sameSite,
    Instant expires,
    Duration maxAge,
    boolean partitioned) {

  /** Attributes without {@code Partitioned}. */
  public CookieAttributes(
      String path,
      String domain,
      boolean httpOnly,
      boolean secure,
      SameSite sameSite,
      Instant expires,
      Duration maxAge) {
    this(path, domain, httpOnly, secure, sameSite, expires, maxAge, false);
  }

  /** The SameSite attribute. */
  public enum SameSite {
    LAX("Lax"),
    STRICT("Strict"),
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
      this.attributeValue = attributeValue;
    }

    public String attributeValue() {
      return attributeValue;
    }
  }

  /**
   * Auth.js's options for its cookies: {@code Path=/}, HttpOnly, SameSite=Lax, Secure over https.
   */
  public static CookieAttributes authJsDefaults(boolean secure) {
    return new CookieAttributes("/", null, true, secure, SameSite.LAX, null, null);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .path(path)
        .domain(domain)
        .httpOnly(httpOnly)
        .secure(secure)
        .sameSite(sameSite)
        .expires(expires)
        .maxAge(maxAge)
        .partitioned(partitioned);
  }

  public CookieAttributes withExpires(Instant expires) {
    return toBuilder().expires(expires).build();
  }

  public CookieAttributes withMaxAge(Duration maxAge) {
    return toBuilder().maxAge(maxAge).build();
  }

  /**
   * The same cookie's deletion attributes, as Auth.js writes them: no Expires, {@code Max-Age=0}.
   */
  public CookieAttributes forDeletion() {
    return toBuilder().expires(null).maxAge(Duration.ZERO).build();
  }

  /** Builder for {@link CookieAttributes}. */
  public static final class Builder {
    private String path = "/";
    private String domain;
    private boolean httpOnly = true;
    private boolean secure;
    private SameSite sameSite = SameSite.LAX;
    private Instant expires;
    private Duration maxAge;
    private boolean partitioned;

    private Builder() {}

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    public Builder httpOnly(boolean httpOnly) {
      this.httpOnly = httpOnly;
      return this;
    }

    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    public Builder sameSite(SameSite sameSite) {
      this.sameSite = sameSite;
      return this;
    }

    public Builder expires(Instant expires) {
      this.expires = expires;
      return this;
    }

    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    public Builder partitioned(boolean partitioned) {
      this.partitioned = partitioned;
      return this;
    }

    public CookieAttributes build() {
      return new CookieAttributes(
          path, domain, httpOnly, secure, sameSite, expires, maxAge, partitioned);
    }
  }
}
