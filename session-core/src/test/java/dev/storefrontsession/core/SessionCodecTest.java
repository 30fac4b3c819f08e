package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;
import dev.storefrontsession.core.internal.ContentKey;
import dev.storefrontsession.core.testing.TokenForge;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCodecTest {

  static final long NOW = 1_760_000_000L;
  static final String SECRET = "codec-test-secret";
  static final String COOKIE = CookieNames.sessionToken(true);

  static SessionCodec codec(long now, String newest, String... older) {
    return new SessionCodec(
        KeyRing.of(newest, older), Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
  }

  final SessionCodec codec = codec(NOW, SECRET);
  final ContentKey key = TokenForge.cbcKey(SECRET, COOKIE);
  final String header = TokenForge.authJsHeader(key);

  static SessionClaims customer() {
    return SessionClaims.builder()
        .name("Jane")
        .email("jane@example.com")
        .sub("7")
        .user(
            SessionUser.builder()
                .customerAccessToken(new CustomerAccessToken("cat", null))
                .cartId("cart")
                .build())
        .build();
  }

  static DecodeResult rejected(RejectionReason reason) {
    return new DecodeResult.Rejected(reason);
  }

  static Map<String, Object> headerOf(String token) {
    String json =
        new String(
            Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            StandardCharsets.UTF_8);
    @SuppressWarnings("unchecked")
    Map<String, Object> map =
        (Map<String, Object>) dev.storefrontsession.core.internal.JsonParser.parse(json);
    return map;
  }

  @Test
  void encodeWhenClaimsThenDecodeReturnsThemWithIatExpJti() {
    String token = codec.encode(customer(), COOKIE);
    SessionClaims decoded = codec.decode(token, COOKIE).decodedClaims().orElseThrow();
    assertThat(decoded.toBuilder().issuedAt(null).expiresAt(null).jti(null).build())
        .isEqualTo(customer());
    assertThat(decoded.issuedAt()).isEqualTo(Instant.ofEpochSecond(NOW));
    assertThat(decoded.expiresAt())
        .isEqualTo(Instant.ofEpochSecond(NOW).plus(SessionCodec.DEFAULT_MAX_AGE));
    assertThat(decoded.jti())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void encodeWhenCalledTwiceThenFreshIvAndJti() {
    String a = codec.encode(customer(), COOKIE);
    String b = codec.encode(customer(), COOKIE);
    assertThat(a.split("\\.")[2]).isNotEqualTo(b.split("\\.")[2]);
    assertThat(codec.decode(a, COOKIE).decodedClaims().orElseThrow().jti())
        .isNotEqualTo(codec.decode(b, COOKIE).decodedClaims().orElseThrow().jti());
  }

  @Test
  void encodeWhenAnyClaimsThenHeaderIsExactlyDirA256CbcHs512WithThumbprintKid() {
    String token = codec.encode(SessionClaims.anonymous(null), COOKIE);
    String headerJson =
        new String(
            Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            StandardCharsets.UTF_8);
    assertThat(headerJson)
        .isEqualTo("{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + key.kid() + "\"}");
    assertThat(token.split("\\.", -1)).hasSize(5);
    assertThat(token.split("\\.", -1)[1]).isEmpty();
  }

  @Test
  void encodeWhenDecodedByNimbusThenSamePayload() throws Exception {
    String token = codec.encode(customer(), COOKIE, Duration.ofMinutes(5));
    JWEObject jwe = JWEObject.parse(token);
    jwe.decrypt(new DirectDecrypter(key.rawKey()));
    assertThat(jwe.getPayload().toString())
        .startsWith("{\"name\":\"Jane\",\"email\":\"jane@example.com\"")
        .endsWith(
            ",\"iat\":"
                + NOW
                + ",\"exp\":"
                + (NOW + 300)
                + ",\"jti\":\""
                + codec.decode(token, COOKIE).decodedClaims().orElseThrow().jti()
                + "\"}");
  }

  @Test
  void decodeWhenNimbusMadeTokenWithAuthJsKeyThenDecoded() throws Exception {
    com.nimbusds.jose.JWEHeader nimbusHeader =
        new com.nimbusds.jose.JWEHeader.Builder(
                com.nimbusds.jose.JWEAlgorithm.DIR,
                com.nimbusds.jose.EncryptionMethod.A256CBC_HS512)
            .keyID(key.kid())
            .build();
    JWEObject jwe =
        new JWEObject(
            nimbusHeader,
            new com.nimbusds.jose.Payload("{\"name\":\"Nimbus\",\"exp\":" + (NOW + 60) + "}"));
    jwe.encrypt(new com.nimbusds.jose.crypto.DirectEncrypter(key.rawKey()));
    assertThat(codec.decode(jwe.serialize(), COOKIE).decodedClaims().orElseThrow().name())
        .isEqualTo("Nimbus");
  }

  @Test
  void encodeWhenClaimsAlreadyHaveIatExpJtiThenOverwrittenInPlace() {
    SessionClaims claims =
        SessionClaims.builder()
            .issuedAt(Instant.ofEpochSecond(1))
            .name("A")
            .expiresAt(Instant.ofEpochSecond(2))
            .jti("old")
            .extra("z", 1)
            .build();
    SessionClaims decoded =
        codec.decode(codec.encode(claims, COOKIE), COOKIE).decodedClaims().orElseThrow();
    assertThat(decoded.toJson())
        .matches(
            "\\{\"iat\":"
                + NOW
                + ",\"name\":\"A\",\"exp\":"
                + (NOW + 2_592_000)
                + ",\"jti\":\"[0-9a-f-]{36}\",\"z\":1}");
  }

  @Test
  void encodeWhenNegativeMaxAgeThenRefused() {
    assertThatThrownBy(() -> codec.encode(customer(), COOKIE, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeWhenKeyRingRotatedThenOldTokensStillDecodeAndNewestEncodes() {
    String old = codec(NOW, "old-secret").encode(customer(), COOKIE);
    SessionCodec rotated = codec(NOW, "new-secret", "old-secret");
    assertThat(rotated.decode(old, COOKIE).isDecoded()).isTrue();
    String fresh = rotated.encode(customer(), COOKIE);
    assertThat(codec(NOW, "new-secret").decode(fresh, COOKIE).isDecoded()).isTrue();
    assertThat(codec(NOW, "old-secret").decode(fresh, COOKIE))
        .isEqualTo(rejected(RejectionReason.NO_MATCHING_KEY));
  }

  @Test
  void decodeWhenExpBeyondLeewayThenExpiredWithinLeewayThenDecoded() {
    String token = codec.encode(customer(), COOKIE, Duration.ofSeconds(100));
    assertThat(codec(NOW + 114, SECRET).decode(token, COOKIE).isDecoded()).isTrue();
    assertThat(codec(NOW + 115, SECRET).decode(token, COOKIE))
        .isEqualTo(rejected(RejectionReason.EXPIRED));
  }

  @Test
  void decodeWhenNbfInFutureBeyondLeewayThenInvalidClaims() {
    String later = TokenForge.cbc(key, header, "{\"nbf\":" + (NOW + 16) + "}");
    String soon = TokenForge.cbc(key, header, "{\"nbf\":" + (NOW + 15) + "}");
    assertThat(codec.decode(later, COOKIE)).isEqualTo(rejected(RejectionReason.INVALID_CLAIMS));
    assertThat(codec.decode(soon, COOKIE).isDecoded()).isTrue();
  }

  @Test
  void decodeWhenPayloadNotObjectOrTimeClaimsNotNumbersThenInvalidClaims() {
    for (String payload :
        List.of(
            "[]",
            "\"x\"",
            "1",
            "null",
            "not json",
            "{\"iat\":\"1\"}",
            "{\"exp\":null}",
            "{\"nbf\":true}",
            "{\"nbf\":1e400}",
            "\ufeff\ufeff{}")) {
      assertThat(codec.decode(TokenForge.cbc(key, header, payload), COOKIE))
          .as(payload)
          .isEqualTo(rejected(RejectionReason.INVALID_CLAIMS));
    }
  }

  @Test
  void decodeWhenKnownClaimsHaveOtherJsonTypesThenDecodedWithTypedAccessAbsentAsAuthJsDoes() {
    for (String payload :
        List.of(
            "{\"user\":\"x\"}",
            "{\"name\":5}",
            "{\"sub\":42,\"jti\":7}",
            "{\"user\":{\"cartId\":5,\"customerAccessToken\":6}}",
            "{\"user\":{\"customerAccessTokenExpiresAt\":\"yesterday\"}}")) {
      SessionClaims claims =
          codec.decode(TokenForge.cbc(key, header, payload), COOKIE).decodedClaims().orElse(null);
      assertThat(claims).as(payload).isNotNull();
      assertThat(claims.toJson()).isEqualTo(payload);
      assertThat(claims.user().flatMap(SessionUser::customerAccessToken)).isEmpty();
      assertThat(claims.user().map(SessionUser::cartId)).isEmpty();
    }
  }

  @Test
  void decodeWhenClaimsAreNotUtf8ThenInvalidClaimsAsAuthJsDoes() {
    for (byte[] bad :
        List.of(
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'})) {
      assertThat(codec.decode(TokenForge.cbc(key, header, bad), COOKIE))
          .isEqualTo(rejected(RejectionReason.INVALID_CLAIMS));
    }
  }

  @Test
  void decodeWhenClaimsStartWithByteOrderMarkThenDecodedWithoutIt() {
    byte[] withBom = {
      (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 's', 'u', 'b', '"', ':', '"', 'a', '"', '}'
    };
    assertThat(
            codec
                .decode(TokenForge.cbc(key, header, withBom), COOKIE)
                .decodedClaims()
                .map(SessionClaims::sub))
        .contains("a");
  }

  @Test
  void decodeWhenMinimalObjectWithoutTimeClaimsThenDecodedAsAuthJsDoes() {
    assertThat(codec.decode(TokenForge.cbc(key, header, "{}"), COOKIE).isDecoded()).isTrue();
  }

  @Test
  void decodeWhenCiphertextHasValidMacButBadPaddingThenSameReasonAsBadMac() throws Exception {
    String badPadding = TokenForge.cbcWithBadPadding(key);
    String good = codec.encode(customer(), COOKIE);
    String[] parts = good.split("\\.", -1);
    byte[] ciphertext = Base64.getUrlDecoder().decode(parts[3]);
    ciphertext[ciphertext.length - 17] ^=
        1; // would change the last block's padding after decryption
    parts[3] = Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
    String badMac = String.join(".", parts);
    assertThat(codec.decode(badPadding, COOKIE))
        .isEqualTo(rejected(RejectionReason.DECRYPTION_FAILED));
    assertThat(codec.decode(badMac, COOKIE)).isEqualTo(rejected(RejectionReason.DECRYPTION_FAILED));
  }

  @Test
  void decodeWhenCriticalHeaderOrCompressionThenUnsupportedAlgorithm() {
    String crit =
        "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\""
            + key.kid()
            + "\",\"crit\":[\"exp\"],"
            + "\"exp\":1}";
    String zip =
        "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + key.kid() + "\",\"zip\":\"DEF\"}";
    assertThat(codec.decode(TokenForge.cbc(key, crit, "{}"), COOKIE))
        .isEqualTo(rejected(RejectionReason.UNSUPPORTED_ALGORITHM));
    assertThat(codec.decode(TokenForge.cbc(key, zip, "{}"), COOKIE))
        .isEqualTo(rejected(RejectionReason.UNSUPPORTED_ALGORITHM));
  }

  @Test
  void decodeWhenAlgOrEncNotAllowedThenUnsupportedAlgorithm() {
    for (String h :
        List.of(
            "{\"alg\":\"A256KW\",\"enc\":\"A256CBC-HS512\"}",
            "{\"alg\":\"none\",\"enc\":\"A256GCM\"}",
            "{\"alg\":\"HS256\",\"enc\":\"A256CBC-HS512\"}",
            "{\"alg\":\"dir\",\"enc\":\"A128CBC-HS256\"}",
            "{\"alg\":\"dir\",\"enc\":\"A128GCM\"}",
            "{\"alg\":\"DIR\",\"enc\":\"A256CBC-HS512\"}")) {
      assertThat(codec.decode(TokenForge.cbc(key, h, "{}"), COOKIE))
          .as(h)
          .isEqualTo(rejected(RejectionReason.UNSUPPORTED_ALGORITHM));
    }
  }

  @Test
  void decodeWhenAlgOrEncMissingOrNotStringsThenMalformed() {
    for (String h :
        List.of(
            "{\"enc\":\"A256CBC-HS512\"}",
            "{\"alg\":\"dir\"}",
            "{\"alg\":1,\"enc\":\"A256GCM\"}",
            "[]",
            "not json")) {
      assertThat(codec.decode(TokenForge.cbc(key, h, "{}"), COOKIE))
          .as(h)
          .isEqualTo(rejected(RejectionReason.MALFORMED));
    }
  }

  @Test
  void decodeWhenGcmHeaderOnCbcTokenThenRejected() {
    String h = "{\"alg\":\"dir\",\"enc\":\"A256GCM\"}";
    assertThat(codec.decode(TokenForge.cbc(key, h, "{}"), COOKIE).isDecoded()).isFalse();
  }

  @Test
  void decodeWhenA256GcmTokenThenDecodedAndKidUsesSha256Thumbprint() throws Exception {
    String kid = TokenForge.gcmKid(SECRET, COOKIE);
    String withKid =
        TokenForge.gcm(
            SECRET,
            COOKIE,
            "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\"}",
            "{\"name\":\"G\"}");
    String cbcKid =
        TokenForge.gcm(
            SECRET,
            COOKIE,
            "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + key.kid() + "\"}",
            "{}");
    assertThat(codec.decode(withKid, COOKIE).decodedClaims().orElseThrow().name()).isEqualTo("G");
    assertThat(codec.decode(cbcKid, COOKIE)).isEqualTo(rejected(RejectionReason.NO_MATCHING_KEY));
  }

  @Test
  void decodeWhenKidTricksThenNoMatchingKey() {
    List<String> kids =
        List.of(
            "null",
            "1",
            "\"\"",
            "[\"" + key.kid() + "\"]",
            "\"" + key.kid() + " \"",
            "\"" + TokenForge.cbcKey("other", COOKIE).kid() + "\"",
            "\"" + TokenForge.cbcKey(SECRET, "x").kid() + "\"");
    for (String kid : kids) {
      String h = "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":" + kid + "}";
      assertThat(codec.decode(TokenForge.cbc(key, h, "{}"), COOKIE))
          .as(kid)
          .isEqualTo(rejected(RejectionReason.NO_MATCHING_KEY));
    }
  }

  @Test
  void decodeWhenKidNamesOlderSecretButTokenMadeWithNewestThenDecryptionFailed() {
    SessionCodec rotated = codec(NOW, SECRET, "older");
    String h =
        "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\""
            + TokenForge.cbcKey("older", COOKIE).kid()
            + "\"}";
    assertThat(rotated.decode(TokenForge.cbc(key, h, "{}"), COOKIE))
        .isEqualTo(rejected(RejectionReason.DECRYPTION_FAILED));
  }

  @Test
  void decodeWhenHeaderReformattedOrWithoutKidThenStillDecoded() {
    String spaced =
        "{ \"enc\" : \"A256CBC-HS512\", \"alg\" : \"dir\", \"kid\":\"" + key.kid() + "\" }";
    assertThat(codec.decode(TokenForge.cbc(key, spaced, "{}"), COOKIE).isDecoded()).isTrue();
    String noKid = "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\"}";
    assertThat(codec.decode(TokenForge.cbc(key, noKid, "{}"), COOKIE).isDecoded()).isTrue();
  }

  @Test
  void decodeWhenHeaderReplicatesSubThatDiffersFromClaimThenInvalidClaims() {
    String h = "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"sub\":\"a\"}";
    assertThat(codec.decode(TokenForge.cbc(key, h, "{\"sub\":\"b\"}"), COOKIE))
        .isEqualTo(rejected(RejectionReason.INVALID_CLAIMS));
    assertThat(codec.decode(TokenForge.cbc(key, h, "{\"sub\":\"a\"}"), COOKIE).isDecoded())
        .isTrue();
  }

  @Test
  void decodeWhenEncryptedKeyPresentOrPartsMissingThenMalformed() {
    String good = codec.encode(customer(), COOKIE);
    String[] parts = good.split("\\.", -1);
    assertThat(
            codec.decode(parts[0] + ".AAAA." + parts[2] + "." + parts[3] + "." + parts[4], COOKIE))
        .isEqualTo(rejected(RejectionReason.MALFORMED));
    assertThat(codec.decode(parts[0] + ".." + parts[2] + "." + parts[3], COOKIE))
        .isEqualTo(rejected(RejectionReason.MALFORMED));
    assertThat(codec.decode(good + ".", COOKIE)).isEqualTo(rejected(RejectionReason.MALFORMED));
    assertThat(codec.decode(parts[0] + "..." + parts[3] + "." + parts[4], COOKIE))
        .isEqualTo(rejected(RejectionReason.MALFORMED));
    assertThat(codec.decode(parts[0] + ".." + parts[2] + "." + parts[3] + ".", COOKIE))
        .isEqualTo(rejected(RejectionReason.MALFORMED));
  }

  @Test
  void decodeWhenIvOfWrongLengthThenMalformed() {
    String good = codec.encode(customer(), COOKIE);
    String[] parts = good.split("\\.", -1);
    parts[2] = "AAAAAAAAAAAAAAAA"; // 12 bytes
    assertThat(codec.decode(String.join(".", parts), COOKIE))
        .isEqualTo(rejected(RejectionReason.MALFORMED));
  }

  @Test
  void decodeWhenNullEmptyOrHugeThenMalformedWithoutWork() {
    assertThat(codec.decode(null, COOKIE)).isEqualTo(rejected(RejectionReason.MALFORMED));
    assertThat(codec.decode("", COOKIE)).isEqualTo(rejected(RejectionReason.MALFORMED));
    assertThat(codec.decode("a".repeat(SessionCodec.MAX_TOKEN_LENGTH + 1), COOKIE))
        .isEqualTo(rejected(RejectionReason.MALFORMED));
  }

  @Test
  void decodeWhenTokenHasNonAsciiCharactersThenRejected() {
    String good = codec.encode(customer(), COOKIE);
    assertThat(codec.decode(good.substring(0, 300) + "é" + good.substring(301), COOKIE).isDecoded())
        .isFalse();
    assertThat(
            codec
                .decode(good.substring(0, 300) + "\u0141" + good.substring(301), COOKIE)
                .isDecoded())
        .isFalse();
  }

  @Test
  void decodeWhenRejectedThenResultAndReasonTextHoldNoTokenOrSecret() {
    String good = codec.encode(customer(), COOKIE);
    List<String> texts = new ArrayList<>();
    for (String bad : List.of(good.substring(0, good.length() - 2) + "AA", "garbage", good + "x")) {
      DecodeResult result = codec(NOW, SECRET).decode(bad, COOKIE);
      texts.add(result.toString());
      if (result instanceof DecodeResult.Rejected r) {
        texts.add(r.reason().description());
      }
    }
    for (String text : texts) {
      assertThat(text)
          .doesNotContain(SECRET)
          .doesNotContain(good.substring(200, 260))
          .doesNotContain("garbage");
    }
    assertThat(codec.toString()).doesNotContain(SECRET);
  }

  @Test
  void decodeWhenSameCodecUsedFromManyThreadsThenAllDecode() throws Exception {
    String token = codec.encode(customer(), COOKIE);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  String mine = codec.encode(customer(), COOKIE);
                  if (!codec.decode(mine, COOKIE).isDecoded()
                      || !codec.decode(token, COOKIE).isDecoded()) {
                    failures.add(new AssertionError("a decode failed"));
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void decodeCookieWhenChunkedThenJoinedAndDecodedWhenAbsentThenEmpty() {
    SessionClaims big = customer().toBuilder().extra("padding", "p".repeat(5000)).build();
    String token = codec.encode(big, COOKIE);
    Map<String, String> request = new java.util.LinkedHashMap<>();
    for (SetCookie cookie :
        CookieChunker.write(COOKIE, token, CookieAttributes.authJsDefaults(true), Map.of())) {
      request.put(cookie.name(), cookie.value());
    }
    assertThat(request).hasSize(2);
    assertThat(codec.decodeCookie(request, COOKIE))
        .hasValueSatisfying(r -> assertThat(r.isDecoded()).isTrue());
    assertThat(codec.decodeCookie(Map.of("other", "x"), COOKIE)).isEmpty();
  }

  @Test
  void decodeCookieWhenTooManyChunksThenMalformedWithoutDecoding() {
    Map<String, String> request = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      request.put(COOKIE + "." + i, "x");
    }
    assertThat(codec.decodeCookie(request, COOKIE)).contains(rejected(RejectionReason.MALFORMED));
  }

  @Test
  void encodeWhenEmptyCookieNameThenRefused() {
    assertThatThrownBy(() -> codec.encode(customer(), ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
