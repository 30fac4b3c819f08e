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
import javax.crypto.spec.IvParameterSpec;

/**
 * Compact JWE with {@code alg: "dir"} as Auth.js v5 writes and reads it (RFC 7516 §7.1, RFC 7518
 * §4.5, §5.2.5): A256CBC-HS512 both ways, implemented directly on JCA (AES-256-CBC with PKCS#7,
 * HMAC-SHA-512 over AAD ‖ IV ‖ ciphertext ‖ AL truncated to 32 bytes, checked in constant time
 * <em>before</em> decryption), and A256GCM on decode only, through Nimbus. Header checks mirror
 * {@code jose}'s {@code compactDecrypt}: only {@code dir}; no {@code zip}; no {@code crit}; no
 * encrypted key. Stateless and thread-safe; per-call state lives in the {@link CryptoWorkspace}
 * passed in.
 */
public final class AuthJsJwe {

  static final int CBC_IV_LENGTH = 16;
  static final int CBC_TAG_LENGTH = 32;
  static final int GCM_IV_LENGTH = 12;
  static final int GCM_TAG_LENGTH = 16;

  private AuthJsJwe() {}

  /** The result of a successful decryption. */
  public record Plaintext(byte[] bytes, int length, Map<String, Object> header) {}

  /**
   * Encrypts {@code plaintext[0, length)} for {@code key} (A256CBC-HS512) with a fresh random IV.
   *
   * @return the compact JWE
   */
  public static String encrypt(
      ContentKey key, byte[] plaintext, int length, CryptoWorkspace workspace) {
    byte[] header = key.headerB64Ascii();
    int ciphertextLength = (length / 16 + 1) * 16;
    // One buffer, laid out as the MAC input after the AAD: [IV][ciphertext][AL] then the MAC
    // output.
    int macInputLength = CBC_IV_LENGTH + ciphertextLength + 8;
    byte[] work = workspace.scratch(macInputLength + HmacSha512.LENGTH);
    workspace.nextRandom(work, 0, CBC_IV_LENGTH);
    aesCbc(workspace, Cipher.ENCRYPT_MODE, key, work, 0, plaintext, 0, length, work, CBC_IV_LENGTH);
    putAl(work, CBC_IV_LENGTH + ciphertextLength, header.length);
    mac(key, header, 0, header.length, work, 0, macInputLength, work, macInputLength);
    int size =
        header.length
            + 2
            + Base64Url.encodedLength(CBC_IV_LENGTH)
            + 1
            + Base64Url.encodedLength(ciphertextLength)
            + 1
            + Base64Url.encodedLength(CBC_TAG_LENGTH);
    byte[] out = new byte[size];
    System.arraycopy(header, 0, out, 0, header.length);
    int o = header.length;
    out[o++] = '.';
    out[o++] = '.';
    o = Base64Url.encode(work, 0, CBC_IV_LENGTH, out, o);
    out[o++] = '.';
    o = Base64Url.encode(work, CBC_IV_LENGTH, ciphertextLength, out, o);
    out[o++] = '.';
    Base64Url.encode(work, macInputLength, CBC_TAG_LENGTH, out, o);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /**
   * RFC 7518 §5.2.2.1 encryption: AES-256-CBC with PKCS#7 under ENC_KEY, then T = first 32 bytes of
   * HMAC-SHA-512(MAC_KEY, A ‖ IV ‖ E ‖ AL).
   *
   * @return E ‖ T
   */
  public static byte[] sealCbcHs512(
      ContentKey key, byte[] aad, byte[] iv, byte[] plaintext, CryptoWorkspace workspace) {
    int ciphertextLength = (plaintext.length / 16 + 1) * 16;
    int macInputLength = CBC_IV_LENGTH + ciphertextLength + 8;
    byte[] work = new byte[macInputLength + HmacSha512.LENGTH];
    System.arraycopy(iv, 0, work, 0, CBC_IV_LENGTH);
    aesCbc(
        workspace,
        Cipher.ENCRYPT_MODE,
        key,
        work,
        0,
        plaintext,
        0,
        plaintext.length,
        work,
        CBC_IV_LENGTH);
    putAl(work, CBC_IV_LENGTH + ciphertextLength, aad.length);
    mac(key, aad, 0, aad.length, work, 0, macInputLength, work, macInputLength);
    byte[] sealed = new byte[ciphertextLength + CBC_TAG_LENGTH];
    System.arraycopy(work, CBC_IV_LENGTH, sealed, 0, ciphertextLength);
    System.arraycopy(work, macInputLength, sealed, ciphertextLength, CBC_TAG_LENGTH);
    return sealed;
  }

  /**
   * RFC 7518 §5.2.2.2 decryption: the tag is checked in constant time first; only an authentic
   * ciphertext is decrypted, so padding errors are never observable apart from MAC failures.
   *
   * @param ivCiphertextAl IV at 0, the ciphertext of {@code ciphertextLength} bytes at 16, and 8
   *     free bytes after it
   * @throws JweRejection {@code DECRYPTION_FAILED} for a wrong tag or bad padding
   */
  static Plaintext openCbcHs512(
      ContentKey key,
      byte[] aad,
      int aadOffset,
      int aadLength,
      byte[] ivCiphertextAl,
      int ciphertextLength,
      byte[] tag,
      int tagOffset,
      int tagLength,
      CryptoWorkspace workspace,
      Map<String, Object> header) {
    if (tagLength != CBC_TAG_LENGTH) {
      throw new JweRejection(RejectionReason.DECRYPTION_FAILED);
    }
    int macInputLength = CBC_IV_LENGTH + ciphertextLength + 8;
    putAl(ivCiphertextAl, CBC_IV_LENGTH + ciphertextLength, aadLength);
    byte[] expected = new byte[HmacSha512.LENGTH];
    mac(key, aad, aadOffset, aadLength, ivCiphertextAl, 0, macInputLength, expected, 0);
    byte[] actual = Arrays.copyOfRange(tag, tagOffset, tagOffset + CBC_TAG_LENGTH);
    if (!MessageDigest.isEqual(Arrays.copyOf(expected, CBC_TAG_LENGTH), actual)) {
      throw new JweRejection(RejectionReason.DECRYPTION_FAILED);
    }
    if (ciphertextLength == 0 || ciphertextLength % 16 != 0) {
      throw new JweRejection(RejectionReason.DECRYPTION_FAILED);
    }
    byte[] plaintext = new byte[ciphertextLength];
    int length =
        aesCbc(
            workspace,
            Cipher.DECRYPT_MODE,
            key,
            ivCiphertextAl,
            0,
            ivCiphertextAl,
            CBC_IV_LENGTH,
            ciphertextLength,
            plaintext,
            0);
    return new Plaintext(plaintext, length, header);
  }

  /**
   * {@link #openCbcHs512(ContentKey, byte[], int, int, byte[], int, byte[], int, int,
   * CryptoWorkspace, Map)} on separate arrays.
   */
  public static Plaintext openCbcHs512(
      ContentKey key,
      byte[] aad,
      int aadOffset,
      int aadLength,
      byte[] iv,
      byte[] ciphertext,
      byte[] tag,
      CryptoWorkspace workspace,
      Map<String, Object> header) {
    if (iv.length != CBC_IV_LENGTH) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    byte[] joined = new byte[CBC_IV_LENGTH + ciphertext.length + 8];
    System.arraycopy(iv, 0, joined, 0, CBC_IV_LENGTH);
    System.arraycopy(ciphertext, 0, joined, CBC_IV_LENGTH, ciphertext.length);
    return openCbcHs512(
        key,
        aad,
        aadOffset,
        aadLength,
        joined,
        ciphertext.length,
        tag,
        0,
        tag.length,
        workspace,
        header);
  }

  private static void putAl(byte[] buffer, int offset, int aadLength) {
    long bits = (long) aadLength * 8;
    for (int i = 0; i < 8; i++) {
      buffer[offset + i] = (byte) (bits >>> (56 - 8 * i));
    }
  }

  private static int aesCbc(
      CryptoWorkspace workspace,
      int mode,
      ContentKey key,
      byte[] iv,
      int ivOffset,
      byte[] in,
      int inOffset,
      int length,
      byte[] out,
      int outOffset) {
    try {
      Cipher aes = workspace.aesCbc();
      aes.init(mode, key.encryptionKey(), new IvParameterSpec(iv, ivOffset, CBC_IV_LENGTH));
      return aes.doFinal(in, inOffset, length, out, outOffset);
    } catch (GeneralSecurityException e) {
      if (mode == Cipher.DECRYPT_MODE) {
        throw new JweRejection(RejectionReason.DECRYPTION_FAILED);
      }
      throw new IllegalStateException("AES-CBC encryption failed", e);
    }
  }

  /**
   * Full 64-byte HMAC-SHA-512 of AAD ‖ (IV ‖ ciphertext ‖ AL) into {@code out} at {@code
   * outOffset}.
   */
  private static void mac(
      ContentKey key,
      byte[] aad,
      int aadOffset,
      int aadLength,
      byte[] rest,
      int restOffset,
      int restLength,
      byte[] out,
      int outOffset) {
    HmacSha512 hmac = key.mac();
    MessageDigest inner;
    if (isKeyHeader(key, aad, aadOffset, aadLength)) {
      inner = hmac.start(key.macAfterHeader());
    } else {
      inner = hmac.start();
      inner.update(aad, aadOffset, aadLength);
    }
    inner.update(rest, restOffset, restLength);
    hmac.finish(inner, out, outOffset);
  }

  private static boolean isKeyHeader(ContentKey key, byte[] aad, int offset, int length) {
    byte[] header = key.headerB64Ascii();
    return header != null
        && length == header.length
        && Arrays.equals(aad, offset, offset + length, header, 0, length);
  }

  /**
   * Decrypts a compact JWE made by Auth.js (or {@link #encrypt}).
   *
   * @throws JweRejection with the reason when the token is not accepted
   */
  public static Plaintext decrypt(
      String token, CookieKeys keys, CryptoWorkspace workspace, int maxLength) {
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
    int ivChars = d3 - d2 - 1;
    int ciphertextChars = d4 - d3 - 1;
    int tagChars = n - d4 - 1;
    int ciphertextLength = Base64Url.decodedLength(ciphertextChars);
    if (Base64Url.decodedLength(ivChars) != CBC_IV_LENGTH
        || ciphertextLength < 0
        || tagChars == 0) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    byte[] ivCiphertextAl = new byte[CBC_IV_LENGTH + ciphertextLength + 8];
    int tagLength = Base64Url.decodedLength(tagChars);
    byte[] tag = tagLength < 0 ? null : new byte[tagLength];
    if (Base64Url.decode(ascii, d2 + 1, ivChars, ivCiphertextAl, 0) < 0
        || Base64Url.decode(ascii, d3 + 1, ciphertextChars, ivCiphertextAl, CBC_IV_LENGTH) < 0
        || tag == null
        || Base64Url.decode(ascii, d4 + 1, tagChars, tag, 0) < 0) {
      throw new JweRejection(RejectionReason.MALFORMED);
    }
    return openCbcHs512(
        key, ascii, 0, d1, ivCiphertextAl, ciphertextLength, tag, 0, tagLength, workspace, header);
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
    if (iv == null
        || ciphertext == null
        || tag == null
        || tag.length == 0
        || iv.length != GCM_IV_LENGTH) {
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
