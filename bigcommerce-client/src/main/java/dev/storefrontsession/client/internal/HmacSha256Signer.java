package dev.storefrontsession.client.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 (RFC 7518 §3.2) with the secret's UTF-8 bytes as the key, like {@code jose}'s {@code
 * SignJWT} with {@code TextEncoder().encode(secret)} in Catalyst. Unlike Nimbus' {@code MACSigner}
 * it accepts secrets shorter than 256 bits, because BigCommerce client secrets are whatever
 * BigCommerce issued and must interoperate. Thread-safe: a {@link Mac} is created per signature.
 */
public final class HmacSha256Signer implements JWSSigner {

  private final byte[] key;
  private final JCAContext jcaContext = new JCAContext();

  public HmacSha256Signer(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("HMAC key is empty");
    }
    this.key = key.clone();
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
      throw new JOSEException("only HS256 is supported, header says " + header.getAlgorithm());
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64URL.encode(mac.doFinal(signingInput));
    } catch (GeneralSecurityException e) {
      throw new JOSEException("HmacSHA256 unavailable: " + e.getMessage(), e);
    }
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(JWSAlgorithm.HS256);
  }

  @Override
  public JCAContext getJCAContext() {
    return jcaContext;
  }

  @Override
  public String toString() {
    return "HmacSha256Signer[key=<redacted>]";
  }
}
