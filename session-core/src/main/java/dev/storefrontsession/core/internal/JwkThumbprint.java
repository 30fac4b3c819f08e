package dev.storefrontsession.core.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * RFC 7638 thumbprint of a symmetric key as a JWK {@code {"k":…,"kty":"oct"}}, hashed with SHA-(8 ×
 * key length), as Auth.js computes the {@code kid}: SHA-512 for the 64-byte A256CBC-HS512 key,
 * SHA-256 for the 32-byte A256GCM key. Computed by Nimbus once per derived key (not on the hot
 * path).
 */
public final class JwkThumbprint {

  private JwkThumbprint() {}

  /** The base64url thumbprint. */
  public static String ofOctetKey(byte[] key) {
    String hash = "SHA-" + (key.length * 8);
    try {
      return new OctetSequenceKey.Builder(Base64URL.encode(key))
          .build()
          .computeThumbprint(hash)
          .toString();
    } catch (JOSEException e) {
      throw new IllegalStateException(hash + " is missing from the JDK", e);
    }
  }
}
