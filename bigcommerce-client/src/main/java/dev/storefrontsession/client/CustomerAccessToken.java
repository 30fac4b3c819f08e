package dev.storefrontsession.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A BigCommerce customer access token (CAT): the value sent in {@code X-Bc-Customer-Access-Token}
 * and its expiry.
 *
 * @param value the token; never logged, {@link #toString()} is redacted
 * @param expiresAt when BigCommerce stops accepting it; null when unknown (a Catalyst cookie does
 *     not keep it)
 */
public record CustomerAccessToken(String value, Instant expiresAt) {

  public CustomerAccessToken {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("customer access token is blank");
    }
    HeaderValues.requireSafe("customer access token", value);
  }

  /** True when the expiry is known and not after {@code clock}'s now. */
  public boolean isExpired(Clock clock) {
    return expiresAt != null && !clock.instant().isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "CustomerAccessToken[value=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
