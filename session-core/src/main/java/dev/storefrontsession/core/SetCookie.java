package dev.storefrontsession.core;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One Set-Cookie header. {@link #toHeaderValue()} writes what Auth.js's cookie serializer writes:
 * {@code name=encodeURIComponent(value); Max-Age=…; Domain=…; Path=…; Expires=…; HttpOnly; Secure;
 * Partitioned; SameSite=…}. {@link #toString()} hides the value (it may be a session token).
 *
 * @param name the cookie name
 * @param value the unencoded value; empty for a deletion
 * @param attributes the attributes
 */
public record SetCookie(String name, String value, CookieAttributes attributes) {

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  public SetCookie {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(attributes, "attributes");
    if (!CookieNames.isValid(name)) {
      throw new IllegalArgumentException("invalid cookie name");
    }
  }

  /**
   * A header that deletes the cookie {@code name}: empty value and {@link
   * CookieAttributes#forDeletion()}.
   */
  public static SetCookie deletion(String name, CookieAttributes attributes) {
    return new SetCookie(name, "", attributes.forDeletion());
  }

  /** True when this header deletes the cookie ({@code Max-Age=0}). */
  public boolean isDeletion() {
    return attributes.maxAge() != null && attributes.maxAge().isZero();
  }

  /** The Set-Cookie header value. Contains the cookie value: do not log. */
  public String toHeaderValue() {
    StringBuilder header = new StringBuilder(name.length() + value.length() + 96);
    header.append(name).append('=').append(CookieValues.encode(value));
    CookieAttributes a = attributes;
    if (a.maxAge() != null) {
      header.append("; Max-Age=").append(a.maxAge().getSeconds());
    }
    if (a.domain() != null && !a.domain().isEmpty()) {
      header.append("; Domain=").append(a.domain());
    }
    if (a.path() != null && !a.path().isEmpty()) {
      header.append("; Path=").append(a.path());
    }
    if (a.expires() != null) {
      header.append("; Expires=").append(HTTP_DATE.format(a.expires()));
    }
    if (a.httpOnly()) {
      header.append("; HttpOnly");
    }
    if (a.secure()) {
      header.append("; Secure");
    }
    if (a.partitioned()) {
      header.append("; Partitioned");
    }
    if (a.sameSite() != null) {
      header.append("; SameSite=").append(a.sameSite().attributeValue());
    }
    return header.toString();
  }

  @Override
  public String toString() {
    return "SetCookie[name="
        + name
        + ", value="
        + (value.isEmpty() ? "" : "<redacted>")
        + ", attributes="
        + attributes
        + "]";
  }
}
