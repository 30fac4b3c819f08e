package dev.storefrontsession.systemtests;

import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent re-statement of Auth.js's key derivation (HKDF-SHA256, salt = cookie name, info =
 * "Auth.js Generated Encryption Key (salt)") and {@code kid} (RFC 7638 thumbprint), used to craft
 * hostile tokens with Nimbus that differ from valid ones in exactly one respect.
 */
final class AuthJsKeys {

  private AuthJsKeys() {}

  /** The derived key: 64 bytes for A256CBC-HS512, a prefix of it (32) for A256GCM. */
  static byte[] derive(String secret, String cookieName, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(cookieName.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] prk = mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      byte[] info =
          ("Auth.js Generated Encryption Key (" + cookieName + ")")
              .getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[length];
      byte[] block = new byte[0];
      int done = 0;
      for (int i = 1; done < length; i++) {
        mac.update(block);
        mac.update(info);
        mac.update((byte) i);
        block = mac.doFinal();
        int n = Math.min(block.length, length - done);
        System.arraycopy(block, 0, out, done, n);
        done += n;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Auth.js's kid for a key: SHA-512 thumbprint for 64-byte keys, SHA-256 for 32-byte keys. */
  static String kid(byte[] key) {
    try {
      OctetSequenceKey jwk = new OctetSequenceKey.Builder(key).build();
      return jwk.computeThumbprint(key.length == 64 ? "SHA-512" : "SHA-256").toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] prefix(byte[] key, int length) {
    return Arrays.copyOf(key, length);
  }
}
