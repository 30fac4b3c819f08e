package dev.storefrontsession.core.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA-256 (RFC 5869 §2). Stateless and thread-safe. */
public final class Hkdf {

  private static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /**
   * Extract-then-expand (RFC 5869 §2.2, §2.3).
   *
   * @param ikm input keying material
   * @param salt salt; empty means a string of 32 zero bytes (§2.2)
   * @param info context information
   * @param length output length in bytes, at most 255 × 32
   */
  public static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
    if (length < 0 || length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException(
          "HKDF-SHA256 output length must be between 0 and 8160 bytes");
    }
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, "HmacSHA256"));
      byte[] prk = hmac.doFinal(ikm);
      hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
      byte[] okm = new byte[length];
      byte[] previous = new byte[0];
      for (int i = 0, block = 1; i < length; block++) {
        hmac.update(previous);
        hmac.update(info);
        hmac.update((byte) block);
        previous = hmac.doFinal();
        int n = Math.min(HASH_LENGTH, length - i);
        System.arraycopy(previous, 0, okm, i, n);
        i += n;
      }
      java.util.Arrays.fill(prk, (byte) 0);
      return okm;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
    }
  }
}
