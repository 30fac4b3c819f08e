package dev.storefrontsession.sandbox.internal.auth;

import java.time.Instant;

/** A freshly issued customer access token. {@link #toString()} hides the value. */
public record IssuedToken(String value, Instant expiresAt) {
  @Override
  public String toString() {
    return "IssuedToken[value=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
