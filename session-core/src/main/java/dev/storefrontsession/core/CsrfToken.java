package dev.storefrontsession.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Auth.js's double-submit CSRF token. The cookie value is {@code token|hash}: token = 32 random
 * bytes as 64 lowercase hex digits, hash = lowercase hex SHA-256 of UTF-8 ({@code token + secret}),
 * where secret is JavaScript's {@code String(secret)} (for a key ring: the secrets joined by
 * commas, see {@link KeyRing#authJsSecretString()}). A form is accepted when the cookie's hash
 * verifies and the submitted {@code csrfToken} equals the token; both comparisons are constant
 * time. {@link #toString()} hides the values.
 *
 * @param token the token (sent to the page as {@code csrfToken})
 * @param hash the hash that binds it to the secret
 */
public record CsrfToken(String token, String hash) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();
  private static final MessageDigest SHA256_PROTOTYPE = newSha256();

  public CsrfToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(hash, "hash");
  }

  /** A new random token bound to {@code secret} (the Auth.js secret string). */
  public static CsrfToken create(String secret) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = HEX.formatHex(random);
    return new CsrfToken(token, hash(token, secret));
  }

  public static CsrfToken create(SessionSecret secret) {
    return create(secret.reveal());
  }

  /** Bound to the key ring as Auth.js binds it to a secret array (joined by commas). */
  public static CsrfToken create(KeyRing keyRing) {
    return create(keyRing.authJsSecretString());
  }

  /**
   * The cookie value {@code token|hash} (unencoded; {@link SetCookie} writes {@code |} as {@code
   * %7C}).
   */
  public String cookieValue() {
    return token + "|" + hash;
  }

  /**
   * The token of a CSRF cookie whose hash verifies against {@code secret}; empty for a missing,
   * malformed or forged cookie (Auth.js then issues a new one). URL-encoded values ({@code %7C})
   * are accepted.
   */
  public static Optional<CsrfToken> fromCookie(String cookieValue, String secret) {
    if (cookieValue == null || secret == null) {
      return Optional.empty();
    }
    String token;
    String hash;
    int escape = cookieValue.indexOf('%');
    if (escape >= 0
        && cookieValue.indexOf('%', escape + 1) < 0
        && cookieValue.indexOf('|') < 0
        && cookieValue.regionMatches(true, escape, "%7C", 0, 3)) {
      // the form every browser sends back (SetCookie writes '|' as %7C): split without decoding
      token = cookieValue.substring(0, escape);
      hash = cookieValue.substring(escape + 3);
    } else {
      String value = CookieValues.decode(cookieValue);
      int bar = value.indexOf('|');
      if (bar < 0) {
        return Optional.empty();
      }
      token = value.substring(0, bar);
      hash = value.substring(bar + 1);
    }
    if (!constantTimeEquals(hash, hash(token, secret))) {
      return Optional.empty();
    }
    return Optional.of(new CsrfToken(token, hash));
  }

  public static Optional<CsrfToken> fromCookie(String cookieValue, KeyRing keyRing) {
    return fromCookie(cookieValue, keyRing.authJsSecretString());
  }

  /**
   * True when the cookie verifies against {@code secret} and {@code submittedToken} equals its
   * token, both compared in constant time. False for any null or malformed input.
   */
  public static boolean verify(String cookieValue, String submittedToken, String secret) {
    if (submittedToken == null) {
      return false;
    }
    return fromCookie(cookieValue, secret)
        .map(t -> constantTimeEquals(t.token(), submittedToken))
        .orElse(false);
  }

  public static boolean verify(String cookieValue, String submittedToken, SessionSecret secret) {
    return verify(cookieValue, submittedToken, secret.reveal());
  }

  public static boolean verify(String cookieValue, String submittedToken, KeyRing keyRing) {
    return verify(cookieValue, submittedToken, keyRing.authJsSecretString());
  }

  private static String hash(String token, String secret) {
    return HEX.formatHex(sha256().digest((token + secret).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A fresh SHA-256: cloned from a prototype (a provider lookup per page view showed in the request
   * profile).
   */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA256_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** Constant time in the contents (a length difference, which is not secret, answers at once). */
  private static boolean constantTimeEquals(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int diff = 0;
    for (int i = 0; i < a.length(); i++) {
      diff |= a.charAt(i) ^ b.charAt(i);
    }
    return diff == 0;
  }

  @Override
  public String toString() {
    return "CsrfToken[<redacted>]";
  }
}
