package dev.storefrontsession.core.internal;

import dev.storefrontsession.core.SessionSecret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * A derived content encryption key for one (secret, cookie name, enc), with its {@code kid} and,
 * for A256CBC-HS512, the protected header Auth.js writes for it (base64url, exactly as
 * transmitted). Immutable; {@link #toString()} hides the key.
 */
public final class ContentKey {

  /** The two content encryptions Auth.js accepts. */
  public enum Enc {
    A256CBC_HS512("A256CBC-HS512", 64),
    A256GCM("A256GCM", 32);

    private final String headerValue;
    private final int keyLength;

    Enc(String headerValue, int keyLength) {
      this.headerValue = headerValue;
      this.keyLength = keyLength;
    }

    public String headerValue() {
      return headerValue;
    }

    public int keyLength() {
      return keyLength;
    }

    /**
     * @return the enc for a header value, or null
     */
    public static Enc fromHeader(Object value) {
      if ("A256CBC-HS512".equals(value)) {
        return A256CBC_HS512;
      }
      if ("A256GCM".equals(value)) {
        return A256GCM;
      }
      return null;
    }
  }

  private final Enc enc;
  private final byte[] key;
  private final HmacSha512 mac;
  private final java.security.MessageDigest macAfterHeader;
  private final SecretKeySpec encryptionKey;
  private final String kid;
  private final String headerB64;
  private final byte[] headerB64Ascii;

  private ContentKey(Enc enc, byte[] key) {
    if (key.length != enc.keyLength()) {
      throw new IllegalArgumentException(
          enc.headerValue() + " needs a " + enc.keyLength() + "-byte key");
    }
    this.enc = enc;
    this.key = key;
    this.kid = JwkThumbprint.ofOctetKey(key);
    if (enc == Enc.A256CBC_HS512) {
      // RFC 7518 §5.2.2.1: MAC_KEY = first half, ENC_KEY = second half.
      this.mac = new HmacSha512(Arrays.copyOf(key, 32));
      this.encryptionKey = new SecretKeySpec(key, 32, 32, "AES");
      String header = "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + kid + "\"}";
      this.headerB64 = Base64Url.encode(header.getBytes(StandardCharsets.UTF_8));
    } else {
      this.mac = null;
      this.encryptionKey = new SecretKeySpec(key, "AES");
      this.headerB64 = null;
    }
    this.headerB64Ascii = headerB64 == null ? null : headerB64.getBytes(StandardCharsets.US_ASCII);
    this.macAfterHeader = mac == null ? null : mac.prefixed(headerB64Ascii);
  }

  /** Derives the key of {@code secret} for {@code cookieName} (the HKDF salt) and {@code enc}. */
  public static ContentKey derive(SessionSecret secret, String cookieName, Enc enc) {
    return new ContentKey(enc, AuthJsKeyDerivation.derive(secret, cookieName, enc.keyLength()));
  }

  /** A key from raw bytes (for test vectors); {@code key} must have the enc's length. */
  public static ContentKey fromRaw(Enc enc, byte[] key) {
    return new ContentKey(enc, Arrays.copyOf(key, key.length));
  }

  public Enc enc() {
    return enc;
  }

  /** The RFC 7638 thumbprint Auth.js puts in the header's {@code kid}. */
  public String kid() {
    return kid;
  }

  /** HMAC-SHA-512 keyed with MAC_KEY (A256CBC-HS512 only). */
  public HmacSha512 mac() {
    return mac;
  }

  /** AES-256 key. */
  public SecretKeySpec encryptionKey() {
    return encryptionKey;
  }

  /** A copy of the raw key bytes (for Nimbus). */
  public byte[] rawKey() {
    return Arrays.copyOf(key, key.length);
  }

  /**
   * The base64url protected header {@code {"alg":"dir","enc":"A256CBC-HS512","kid":…}}
   * (A256CBC-HS512 only).
   */
  public String headerB64() {
    return headerB64;
  }

  /**
   * The inner HMAC state after the key block and this key's header (the AAD of every token it
   * makes), to clone with {@link HmacSha512#start(java.security.MessageDigest)}; measured ~15% less
   * hashing per token.
   */
  java.security.MessageDigest macAfterHeader() {
    return macAfterHeader;
  }

  byte[] headerB64Ascii() {
    return headerB64Ascii;
  }

  @Override
  public String toString() {
    return "ContentKey[" + enc.headerValue() + ", <redacted>]";
  }
}
