package dev.storefrontsession.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A BigCommerce customer access token (CAT) and, when known, when it expires.
 *
 * @param value the token, not empty
 * @param expiresAt the expiry, or {@code null} when unknown (a cookie written by Catalyst does not
 *     carry it)
 */
public record CustomerAccessToken(String value, Instant expiresAt) {

  public CustomerAccessToken {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a customer access token must not be empty");
    }
  }

  /** True when the expiry is known and not after {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CustomerAccessToken that
        && java.security.MessageDigest.isEqual(
            value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            that.value.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        && Objects.equals(expiresAt, that.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(expiresAt);
  }

  @Override
  public String toString() {
    return "CustomerAccessToken[value=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
