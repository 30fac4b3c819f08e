package dev.storefrontsession.core.internal;

import dev.storefrontsession.core.SessionSecret;
import java.nio.charset.StandardCharsets;

/**
 * Auth.js v5's {@code getDerivedEncryptionKey}: HKDF-SHA256 with IKM = UTF-8 of the secret, salt =
 * UTF-8 of the cookie name, info = {@code "Auth.js Generated Encryption Key (<cookie name>)"}; 64
 * bytes for A256CBC-HS512, 32 for A256GCM (the 32-byte key is the prefix of the 64-byte one).
 */
public final class AuthJsKeyDerivation {

  private AuthJsKeyDerivation() {}

  public static byte[] derive(SessionSecret secret, String cookieName, int length) {
    byte[] ikm = secret.utf8Bytes();
    try {
      return Hkdf.sha256(
          ikm,
          cookieName.getBytes(StandardCharsets.UTF_8),
          ("Auth.js Generated Encryption Key (" + cookieName + ")")
              .getBytes(StandardCharsets.UTF_8),
          length);
    } finally {
      java.util.Arrays.fill(ikm, (byte) 0);
    }
  }
}
