package dev.storefrontsession.core.testing;

import dev.storefrontsession.core.SessionSecret;
import dev.storefrontsession.core.internal.AuthJsJwe;
import dev.storefrontsession.core.internal.Base64Url;
import dev.storefrontsession.core.internal.ContentKey;
import dev.storefrontsession.core.internal.CryptoWorkspace;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes compact JWEs with any header and payload, properly authenticated with Auth.js's derived
 * key, so that negative tests reach the check they target (header, kid, claims) instead of failing
 * at the MAC.
 */
public final class TokenForge {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenForge() {}

  public static ContentKey cbcKey(String secret, String cookieName) {
    return ContentKey.derive(SessionSecret.of(secret), cookieName, ContentKey.Enc.A256CBC_HS512);
  }

  /** A256CBC-HS512 token with the exact header JSON and payload JSON given. */
  public static String cbc(ContentKey key, String headerJson, String payloadJson) {
    return cbc(key, headerJson, payloadJson.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A256CBC-HS512 token with the exact header JSON and payload bytes given (which need not be valid
   * UTF-8).
   */
  public static String cbc(ContentKey key, String headerJson, byte[] payload) {
    String header = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8));
    byte[] iv = new byte[16];
    RANDOM.nextBytes(iv);
    byte[] sealed =
        AuthJsJwe.sealCbcHs512(
            key,
            header.getBytes(StandardCharsets.US_ASCII),
            iv,
            payload,
            new CryptoWorkspace(RANDOM));
    byte[] ciphertext = Arrays.copyOf(sealed, sealed.length - 32);
    byte[] tag = Arrays.copyOfRange(sealed, sealed.length - 32, sealed.length);
    return header
        + ".."
        + Base64Url.encode(iv)
        + "."
        + Base64Url.encode(ciphertext)
        + "."
        + Base64Url.encode(tag);
  }

  /** The header Auth.js writes for {@code key}. */
  public static String authJsHeader(ContentKey key) {
    return "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + key.kid() + "\"}";
  }

  /**
   * A token whose tag is valid but whose plaintext has invalid PKCS#7 padding (encrypted without
   * padding): only a decrypting implementation can tell, so it must be indistinguishable from a MAC
   * failure.
   */
  public static String cbcWithBadPadding(ContentKey key) throws Exception {
    String header = Base64Url.encode(authJsHeader(key).getBytes(StandardCharsets.UTF_8));
    byte[] iv = new byte[16];
    RANDOM.nextBytes(iv);
    byte[] block =
        "{\"a\":1}\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] raw = key.rawKey();
    Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, 32, 32, "AES"), new IvParameterSpec(iv));
    byte[] ciphertext = aes.doFinal(Arrays.copyOf(block, 16));
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(raw, 0, 32, "HmacSHA512"));
    byte[] aad = header.getBytes(StandardCharsets.US_ASCII);
    mac.update(aad);
    mac.update(iv);
    mac.update(ciphertext);
    mac.update(java.nio.ByteBuffer.allocate(8).putLong(aad.length * 8L).array());
    byte[] tag = Arrays.copyOf(mac.doFinal(), 32);
    return header
        + ".."
        + Base64Url.encode(iv)
        + "."
        + Base64Url.encode(ciphertext)
        + "."
        + Base64Url.encode(tag);
  }

  /** A256GCM token (JCA, independent of the codec's Nimbus path) with the given header JSON. */
  public static String gcm(String secret, String cookieName, String headerJson, String payloadJson)
      throws Exception {
    ContentKey key =
        ContentKey.derive(SessionSecret.of(secret), cookieName, ContentKey.Enc.A256GCM);
    String header = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8));
    byte[] iv = new byte[12];
    RANDOM.nextBytes(iv);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key.rawKey(), "AES"), new GCMParameterSpec(128, iv));
    aes.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
    byte[] sealed = aes.doFinal(payloadJson.getBytes(StandardCharsets.UTF_8));
    byte[] ciphertext = Arrays.copyOf(sealed, sealed.length - 16);
    byte[] tag = Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length);
    return header
        + ".."
        + Base64Url.encode(iv)
        + "."
        + Base64Url.encode(ciphertext)
        + "."
        + Base64Url.encode(tag);
  }

  public static String gcmKid(String secret, String cookieName) {
    return ContentKey.derive(SessionSecret.of(secret), cookieName, ContentKey.Enc.A256GCM).kid();
  }
}
