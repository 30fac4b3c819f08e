package dev.storefrontsession.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * One Auth.js secret ({@code AUTH_SECRET}): used as given, its UTF-8 bytes are the HKDF input
 * keying material (Auth.js does not base64-decode it). Immutable and thread-safe; {@link
 * #toString()} never shows the value.
 */
public final class SessionSecret {

  private final String value;

  private SessionSecret(String value) {
    this.value = value;
  }

  /**
   * @param value the secret string, not empty
   * @throws IllegalArgumentException if the value is null or empty
   */
  public static SessionSecret of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a session secret must not be empty");
    }
    return new SessionSecret(value);
  }

  /** The secret as given. Handle with care: never log it. */
  public String reveal() {
    return value;
  }

  /** A fresh copy of the UTF-8 bytes of the secret (the HKDF input keying material). */
  public byte[] utf8Bytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** Constant-time comparison of the secret values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SessionSecret that
        && MessageDigest.isEqual(utf8Bytes(), that.utf8Bytes());
  }

  @Override
  public int hashCode() {
    return Objects.hash(value.length());
  }

  @Override
  public String toString() {
    return "<redacted>";
  }
}
