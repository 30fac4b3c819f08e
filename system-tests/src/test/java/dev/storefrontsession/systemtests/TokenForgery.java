package dev.storefrontsession.systemtests;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crafts session tokens with Nimbus (an implementation independent of session-core) that differ
 * from a valid Auth.js token in exactly one respect: algorithm, encryption, key, {@code kid}, extra
 * header, payload shape. The valid baseline is crafted the same way, so a test can prove its
 * crafting is right before it proves a rejection.
 */
final class TokenForgery {

  private final String secret;
  private final String cookieName;
  private final byte[] key64;

  TokenForgery(String secret, String cookieName) {
    this.secret = secret;
    this.cookieName = cookieName;
    this.key64 = AuthJsKeys.derive(secret, cookieName, 64);
  }

  static String claimsJson(String firstName, Instant now) {
    long iat = now.getEpochSecond();
    return "{\"name\":\""
        + firstName
        + " Forged\",\"email\":\"forged@example.com\",\"sub\":\"1\",\"user\":{"
        + "\"customerAccessToken\":\""
        + "f".repeat(64)
        + "_4102444800\",\"cartId\":null,\"firstName\":\""
        + firstName
        + "\",\"lastName\":\"Forged\"},\"iat\":"
        + iat
        + ",\"exp\":"
        + (iat + 3600)
        // checked "now" as at sign-in, so the storefront trusts the made-up token until the
        // revalidation interval
        + ",\"cat_checked_at\":"
        + iat
        + ",\"jti\":\""
        + UUID.randomUUID()
        + "\"}";
  }

  /** A token exactly as Auth.js makes it (the control). */
  String valid(String payload) {
    return dir(
        EncryptionMethod.A256CBC_HS512,
        key64,
        AuthJsKeys.kid(key64),
        new Payload(payload),
        null,
        null);
  }

  /** A token as Auth.js makes it around any claims bytes (not necessarily UTF-8). */
  String valid(byte[] payload) {
    return dir(
        EncryptionMethod.A256CBC_HS512,
        key64,
        AuthJsKeys.kid(key64),
        new Payload(payload),
        null,
        null);
  }

  /**
   * {@code claimsJson}'s payload with bytes that are not UTF-8 (0xFF 0xFE) before "Forged" in the
   * name.
   */
  static byte[] notUtf8(String payload) {
    String[] around = payload.split("Forged", 2);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
    out.write(0xFF);
    out.write(0xFE);
    out.writeBytes(("Forged" + around[1]).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** dir with any enc; the key is the derived key cut (or HKDF-expanded) to the enc's length. */
  String dir(
      EncryptionMethod enc,
      byte[] key,
      String kid,
      String payload,
      CompressionAlgorithm zip,
      Map<String, Object> customParams) {
    return dir(enc, key, kid, new Payload(payload), zip, customParams);
  }

  private String dir(
      EncryptionMethod enc,
      byte[] key,
      String kid,
      Payload payload,
      CompressionAlgorithm zip,
      Map<String, Object> customParams) {
    try {
      JWEHeader.Builder header = new JWEHeader.Builder(JWEAlgorithm.DIR, enc);
      if (kid != null) {
        header.keyID(kid);
      }
      if (zip != null) {
        header.compressionAlgorithm(zip);
      }
      if (customParams != null) {
        customParams.forEach(header::customParam);
      }
      JWEObject jwe = new JWEObject(header.build(), payload);
      jwe.encrypt(new DirectEncrypter(new SecretKeySpec(key, "AES")));
      return jwe.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] key(int length) {
    return length <= 64
        ? AuthJsKeys.prefix(key64, length)
        : AuthJsKeys.derive(secret, cookieName, length);
  }

  byte[] key64() {
    return key64.clone();
  }

  /** Every forgery, by name. The payload is a valid, unexpired claim set. */
  Map<String, String> forgeries(String payload, String otherSecret, String otherCookieName) {
    Map<String, String> out = new LinkedHashMap<>();
    String kid = AuthJsKeys.kid(key64);
    try {
      out.put("alg_none_unsecured_jwt", b64("{\"alg\":\"none\"}") + "." + b64(payload) + ".");
      out.put(
          "alg_none_five_parts",
          b64("{\"alg\":\"none\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + kid + "\"}")
              + ".."
              + b64("0123456789abcdef")
              + "."
              + b64(payload)
              + ".");
      out.put(
          "enc_A128CBC-HS256",
          dir(
              EncryptionMethod.A128CBC_HS256,
              key(32),
              AuthJsKeys.kid(key(32)),
              payload,
              null,
              null));
      out.put(
          "enc_A128CBC-HS256_with_real_kid",
          dir(EncryptionMethod.A128CBC_HS256, key(32), kid, payload, null, null));
      out.put(
          "enc_A192CBC-HS384",
          dir(EncryptionMethod.A192CBC_HS384, key(48), kid, payload, null, null));
      out.put("enc_A128GCM", dir(EncryptionMethod.A128GCM, key(16), kid, payload, null, null));
      out.put("enc_A192GCM", dir(EncryptionMethod.A192GCM, key(24), kid, payload, null, null));
      out.put(
          "zip_DEF",
          dir(EncryptionMethod.A256CBC_HS512, key64, kid, payload, CompressionAlgorithm.DEF, null));
      out.put("crit_unknown", critical(payload, kid));
      out.put("jku_attacker_key_url", attackerJwk(payload));
      out.put(
          "kid_of_old_secret_body_with_new_key",
          dir(
              EncryptionMethod.A256CBC_HS512,
              key64,
              AuthJsKeys.kid(AuthJsKeys.derive(otherSecret, cookieName, 64)),
              payload,
              null,
              null));
      out.put(
          "kid_sha256_thumbprint",
          dir(
              EncryptionMethod.A256CBC_HS512,
              key64,
              new OctetSequenceKey.Builder(key64).build().computeThumbprint("SHA-256").toString(),
              payload,
              null,
              null));
      out.put(
          "kid_random",
          dir(
              EncryptionMethod.A256CBC_HS512,
              key64,
              UUID.randomUUID().toString(),
              payload,
              null,
              null));
      byte[] otherSalt = AuthJsKeys.derive(secret, otherCookieName, 64);
      out.put(
          "other_cookie_salt",
          dir(
              EncryptionMethod.A256CBC_HS512,
              otherSalt,
              AuthJsKeys.kid(otherSalt),
              payload,
              null,
              null));
      byte[] unknownSecret = AuthJsKeys.derive("not-a-configured-secret", cookieName, 64);
      out.put(
          "unknown_secret",
          dir(
              EncryptionMethod.A256CBC_HS512,
              unknownSecret,
              AuthJsKeys.kid(unknownSecret),
              payload,
              null,
              null));
      out.put(
          "unknown_secret_no_kid",
          dir(EncryptionMethod.A256CBC_HS512, unknownSecret, null, payload, null, null));
      out.put(
          "unknown_secret_claiming_real_kid",
          dir(EncryptionMethod.A256CBC_HS512, unknownSecret, kid, payload, null, null));
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      RSAPublicKey pub = (RSAPublicKey) rsa.generateKeyPair().getPublic();
      for (JWEAlgorithm alg : List.of(JWEAlgorithm.RSA_OAEP_256, JWEAlgorithm.parse("RSA-OAEP"))) {
        JWEObject jwe =
            new JWEObject(
                new JWEHeader.Builder(alg, EncryptionMethod.A256CBC_HS512).keyID(kid).build(),
                new Payload(payload));
        jwe.encrypt(new RSAEncrypter(pub));
        out.put("alg_" + alg.getName(), jwe.serialize());
      }
      JWEObject kw =
          new JWEObject(
              new JWEHeader.Builder(JWEAlgorithm.A256KW, EncryptionMethod.A256CBC_HS512)
                  .keyID(kid)
                  .build(),
              new Payload(payload));
      kw.encrypt(new AESEncrypter(key(32)));
      out.put("alg_A256KW_with_derived_key", kw.serialize());
      for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS512)) {
        JWSObject jws =
            new JWSObject(new JWSHeader.Builder(alg).keyID(kid).build(), new Payload(payload));
        jws.sign(new MACSigner(key64));
        out.put("jws_" + alg.getName() + "_signed_with_derived_key", jws.serialize());
      }
      out.put("payload_array", valid("[" + payload + "]"));
      out.put("payload_null", valid("null"));
      out.put("payload_string", valid("\"" + payload.replace("\"", "'") + "\""));
      out.put(
          "payload_exp_string", valid(payload.replaceFirst("\"exp\":(\\d+)", "\"exp\":\"$1\"")));
      out.put("payload_expired", valid(payload.replaceFirst("\"exp\":(\\d+)", "\"exp\":1000")));
      out.put(
          "payload_nbf_future",
          valid(payload.replace("{\"name\"", "{\"nbf\":4102444800,\"name\"")));
      out.put("payload_not_utf8", valid(notUtf8(payload)));
      out.put("payload_not_json", valid("{\"name\":\"x\","));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private String critical(String payload, String kid) throws Exception {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512)
                .keyID(kid)
                .criticalParams(java.util.Set.of("x-must-understand"))
                .customParam("x-must-understand", true)
                .build(),
            new Payload(payload));
    jwe.encrypt(new DirectEncrypter(new SecretKeySpec(key64, "AES")));
    return jwe.serialize();
  }

  private String attackerJwk(String payload) throws Exception {
    byte[] attacker = AuthJsKeys.derive("attacker", cookieName, 64);

    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512)
                .keyID(AuthJsKeys.kid(attacker))
                .jwkURL(java.net.URI.create("https://evil.example/keys"))
                .build(),
            new Payload(payload));
    jwe.encrypt(new DirectEncrypter(new SecretKeySpec(attacker, "AES")));
    return jwe.serialize();
  }

  private static String b64(String s) {
    return Base64URL.encode(s.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
