package dev.storefrontsession.core.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;
import dev.storefrontsession.core.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;

/**
 * Compact JWE with {@code alg: "dir"} as Auth.js v5 writes and reads it (RFC 7516 §7.1, RFC 7518 §4.5, §5.2.5):
 * A256CBC-HS512 both ways, implemented directly on JCA (AES-256-CBC with PKCS#7, HMAC-SHA-512 over
 * AAD ‖ IV ‖ ciphertext ‖ AL truncated to 32 bytes, checked in constant time <em>before</em> decryption), and
 * A256GCM on decode only, through Nimbus. Header checks mirror {@code jose}'s {@code compactDecrypt}: only
 * {@code dir}; no {@code zip}; no {@code crit}; no encrypted key. Stateless and thread-safe; per-call state lives in
 * the {@link CryptoWorkspace} passed in.
 */
public final class AuthJsJwe {

  static final int CBC_IV_LENGTH = 16;
  static final int CBC_TAG_LENGTH = 32;
  static final int GCM_IV_LENGTH = 12;
  static final int GCM_TAG_LENGTH = 16;

  private AuthJsJwe() {
  }

  /** The result of a successful decryption. */
  public record Plaintext(byte[] bytes, int length, Map<String, Object> header) {
  }

  /**
   * Encrypts {@code plaintext[0, length)} for {@code key} (A256CBC-HS512) with a fresh random IV.
   *
   * @return the compact JWE
   */
  public static String encrypt(ContentKey key, byte[] plaintext, int length, CryptoWorkspace workspace) {
    byte[] header = key.headerB64Ascii();
    int ciphertextLength = (length / 16 + 1) * 16;
    int tagStart = ciphertextLength + CBC_IV_LENGTH;
    byte[] work = workspace.scratch(tagStart + 64);
    // Layout of work: [ciphertext][iv][mac output (64)]
    workspace.nextRandom(work, ciphertextLength, CBC_IV_LENGTH);
    try {
      Cipher aes = workspace.aesCbc();
      aes.init(Cipher.ENCRYPT_MODE, key.encryptionKey(), new IvParameterSpec(work, ciphertextLength, CBC_IV_LENGTH));
      int written = aes.doFinal(plaintext, 0, length, work, 0);
      if (written != ciphertextLength) {
        throw new IllegalStateException("unexpected AES-CBC output length");
      }
      Mac mac = workspace.mac(key);
      mac.update(header);
      mac.update(work, ciphertextLength, CBC_IV_LENGTH);
      mac.update(work, 0, ciphertextLength);
      updateAl(mac, header.length);
      mac.doFinal(work, tagStart);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A256CBC-HS512 encryption failed", e);
    }
    int size = header.length + 2 + Base64Url.encodedLength(CBC_IV_LENGTH) + 1
        + Base64Url.encodedLength(ciphertextLength) + 1 + Base64Url.encodedLength(CBC_TAG_LENGTH);
    byte[] out = new byte[size];
    System.arraycopy(header, 0, out, 0, header.length);
    int o = header.length;
    out[o++] = '.';
    out[o++] = '.';
    o = Base64Url.encode(work, ciphertextLength, CBC_IV_LENGTH, out, o);
    out[o++] = '.';
    o = Base64Url.encode(work, 0, ciphertextLength, out, o);
    out[o++] = '.';
    Base64Url.encode(work, tagStart, CBC_TAG_LENGTH, out, o);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  private static void updateAl(Mac mac, int aadLength) {
    long bits = (long) aadLength * 8;
    for (int shift = 56; shift >= 0; shift -= 8) {
      mac.update((byte) (bits >>> shift));
    }
  }

  /**
   * Decrypts a compact JWE made by Auth.js (or {@link #encrypt}).
   *
   * @throws JweRejection with the reason when the token is not accepted
   */
  public static Plaintext decrypt(String token, CookieKeys keys, CryptoWorkspace workspace, int maxLength) {
    int n = token.length();
    if (n == 0 || n > maxLength) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    int d1 = token.indexOf('.');
    int d2 = d1 < 0 ? -1 : token.indexOf('.', d1 + 1);
    int d3 = d2 < 0 ? -1 : token.indexOf('.', d2 + 1);
    int d4 = d3 < 0 ? -1 : token.indexOf('.', d3 + 1);
    if (d4 < 0 || token.indexOf('.', d4 + 1) >= 0) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    ContentKey key = null;
    Map<String, Object> header = null;
    for (ContentKey candidate : keys.cbcKeys()) {
      // Fast path: the exact header Auth.js writes for one of our keys.
      String expected = candidate.headerB64();
      if (d1 == expected.length() && token.startsWith(expected)) {
        key = candidate;
        break;
      }
    }
    if (key == null) {
      header = parseHeader(token.substring(0, d1));
      ContentKey.Enc enc = checkHeader(header);
      key = keys.resolve(enc, header.containsKey("kid"), header.get("kid"));
      if (key == null) {
        throw new JweRejection(RejectionReason.NO_MATCHING_KEY);
      }
    }
    if (d2 != d1 + 1) {
      throw new JweRejection(RejectionReason.MALFORMED); // "dir" has no encrypted key
    }
    if (key.enc() == ContentKey.Enc.A256GCM) {
      return decryptGcm(token, key, d2, d3, d4, header);
    }
    byte[] ascii = token.getBytes(StandardCharsets.ISO_8859_1);
    byte[] iv = Base64Url.decode(ascii, d2 + 1, d3 - d2 - 1);
    byte[] ciphertext = Base64Url.decode(ascii, d3 + 1, d4 - d3 - 1);
    byte[] tag = Base64Url.decode(ascii, d4 + 1, n - d4 - 1);
    if (iv == null || ciphertext == null || tag == null || tag.length == 0) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    if (iv.length != CBC_IV_LENGTH) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    try {
      Mac mac = workspace.mac(key);
      mac.update(ascii, 0, d1);
      mac.update(iv);
      mac.update(ciphertext);
      updateAl(mac, d1);
      byte[] expectedTag = Arrays.copyOf(mac.doFinal(), CBC_TAG_LENGTH);
      if (!MessageDigest.isEqual(expectedTag, tag)) {
        throw new JweRejection(RejectionReason.DECRYPTION_FAILED);
      }
      if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
        throw new JweRejection(RejectionReason.DECRYPTION_FAILED);
      }
      Cipher aes = workspace.aesCbc();
      aes.init(Cipher.DECRYPT_MODE, key.encryptionKey(), new IvParameterSpec(iv));
      int length = aes.doFinal(ciphertext, 0, ciphertext.length, ciphertext, 0);
      return new Plaintext(ciphertext, length, header);
    } catch (GeneralSecurityException e) {
      throw new JweRejection(RejectionReason.DECRYPTION_FAILED);
    }
  }

  private static Map<String, Object> parseHeader(String segment) {
    byte[] json = Base64Url.decode(segment);
    if (json == null) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    Object parsed;
    try {
      parsed = JsonParser.parse(json, 0, json.length);
    } catch (IllegalArgumentException e) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> header = (Map<String, Object>) map;
    return header;
  }

  /** jose's order: crit, zip, alg/enc types, allowed alg, allowed enc. */
  private static ContentKey.Enc checkHeader(Map<String, Object> header) {
    if (header.containsKey("crit") || header.containsKey("zip")) {
      throw new JweRejection(RejectionReason.UNSUPPORTED_ALGORITHM);
    }
    Object alg = header.get("alg");
    Object enc = header.get("enc");
    if (!(alg instanceof String) || !(enc instanceof String)) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    if (!"dir".equals(alg)) {
      throw new JweRejection(RejectionReason.UNSUPPORTED_ALGORITHM);
    }
    ContentKey.Enc allowed = ContentKey.Enc.fromHeader(enc);
    if (allowed == null) {
      throw new JweRejection(RejectionReason.UNSUPPORTED_ALGORITHM);
    }
    return allowed;
  }

  private static Plaintext decryptGcm(
      String token, ContentKey key, int d2, int d3, int d4, Map<String, Object> header) {
    byte[] iv = Base64Url.decode(token.substring(d2 + 1, d3));
    byte[] ciphertext = Base64Url.decode(token.substring(d3 + 1, d4));
    byte[] tag = Base64Url.decode(token.substring(d4 + 1));
    if (iv == null || ciphertext == null || tag == null || tag.length == 0 || iv.length != GCM_IV_LENGTH) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    if (tag.length != GCM_TAG_LENGTH) {
      throw new JweRejection(RejectionReason.DECRYPTION_FAILED);
    }
    try {
      JWEObject jwe = JWEObject.parse(token);
      jwe.decrypt(new DirectDecrypter(key.encryptionKey()));
      byte[] plaintext = jwe.getPayload().toBytes();
      return new Plaintext(plaintext, plaintext.length, header);
    } catch (ParseException e) {
      throw new JweRejection(RejectionReason.MALFORMED);
    } catch (JOSEException | IllegalStateException e) {
      throw new JweRejection(RejectionReason.DECRYPTION_FAILED);
    }
  }
}
