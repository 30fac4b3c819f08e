package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** RFC 7638 JWK thumbprints. */
class JwkThumbprintTest {

  /** RFC 7638 §3.1: the RSA example key and its SHA-256 thumbprint. */
  @Test
  void computeThumbprintWhenRfc7638Section31ExampleThenPublishedValue() throws Exception {
    RSAKey key =
        RSAKey.parse(
            "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAt"
                + "VT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5"
                + "v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6"
                + "WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\",\"alg\":\"RS256\","
                + "\"kid\":\"2011-04-29\"}");
    assertThat(key.computeThumbprint("SHA-256").toString())
        .isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  }

  /**
   * RFC 7638 §3.2: an "oct" key's required members are k and kty, in that (lexicographic) order, no
   * whitespace.
   */
  @Test
  void ofOctetKeyWhen64ByteKeyThenSha512OfCanonicalJson() throws Exception {
    byte[] key = new byte[64];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7);
    }
    String canonical = "{\"k\":\"" + Base64Url.encode(key) + "\",\"kty\":\"oct\"}";
    byte[] digest =
        MessageDigest.getInstance("SHA-512").digest(canonical.getBytes(StandardCharsets.UTF_8));
    assertThat(JwkThumbprint.ofOctetKey(key)).isEqualTo(Base64Url.encode(digest)).hasSize(86);
  }

  @Test
  void ofOctetKeyWhen32ByteKeyThenSha256() throws Exception {
    byte[] key = new byte[32];
    String canonical = "{\"k\":\"" + Base64Url.encode(key) + "\",\"kty\":\"oct\"}";
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
    assertThat(JwkThumbprint.ofOctetKey(key)).isEqualTo(Base64Url.encode(digest)).hasSize(43);
  }
}
