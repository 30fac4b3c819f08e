package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.testing.AuthJsNode;
import dev.storefrontsession.core.testing.AuthJsNode.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with the real {@code @auth/core} 0.41.3 from npm, both directions. All Node work of this
 * class runs in a few batched Node processes; the clock is pinned on both sides.
 */
@SuppressWarnings("unchecked")
class AuthJsInteropTest {

  static final long NOW = 1_760_000_000L;
  static final String SECRET = "interop-secret-0123456789abcdef";
  static final String OLD_SECRET = "interop-old-secret";
  static final String OTHER_SECRET = "some-other-secret";
  static final String SESSION = CookieNames.sessionToken(false);
  static final String SECURE_SESSION = CookieNames.sessionToken(true);
  static final String ANONYMOUS_SECURE = CookieNames.anonymousSessionToken(true);

  static final Map<String, Object> CUSTOMER = customerClaims();
  static final Map<String, Object> ANONYMOUS_WITH_CART =
      Map.of("user", Map.of("cartId", "cart-1234"));
  static final Map<String, Object> ANONYMOUS_NO_CART = anonymousWithoutCart();

  static List<Result> made;

  static Map<String, Object> customerClaims() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("customerAccessToken", "cat-eyJhbGciOiJIUzI1NiJ9.customer.signature-0000000000");
    user.put("cartId", "a1b2c3d4-e5f6-4711-8899-aabbccddeeff");
    user.put("firstName", "Jane");
    user.put("lastName", "Shopper");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("name", "Jane Shopper");
    claims.put("email", "shopper@example.com");
    claims.put("sub", "42");
    claims.put("user", user);
    return claims;
  }

  static Map<String, Object> anonymousWithoutCart() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("cartId", null);
    return Map.of("user", user);
  }

  static Map<String, Object> request(Object... keyValues) {
    Map<String, Object> request = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      request.put((String) keyValues[i], keyValues[i + 1]);
    }
    request.putIfAbsent("now", NOW);
    return request;
  }

  static SessionCodec codec(long now, String newest, String... older) {
    return new SessionCodec(
        KeyRing.of(newest, older), Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
  }

  static SessionCodec codec(String newest, String... older) {
    return codec(NOW, newest, older);
  }

  /** Tokens made by @auth/core, indexed as listed here. */
  @BeforeAll
  static void makeTokensWithAuthJs() {
    String longName = "x".repeat(6000);
    Map<String, Object> big = new LinkedHashMap<>(CUSTOMER);
    big.put("name", longName);
    List<Map<String, Object>> requests = new ArrayList<>();
    requests.add(
        request("op", "encode", "claims", CUSTOMER, "secret", SECRET, "salt", SESSION)); // 0
    requests.add(
        request("op", "encode", "claims", CUSTOMER, "secret", SECRET, "salt", SECURE_SESSION)); // 1
    requests.add(
        request(
            "op",
            "encode",
            "claims",
            ANONYMOUS_WITH_CART,
            "secret",
            SECRET,
            "salt",
            ANONYMOUS_SECURE)); // 2
    requests.add(
        request(
            "op",
            "encode",
            "claims",
            ANONYMOUS_NO_CART,
            "secret",
            SECRET,
            "salt",
            ANONYMOUS_SECURE)); // 3
    requests.add(
        request(
            "op",
            "encode",
            "claims",
            CUSTOMER,
            "secret",
            OLD_SECRET,
            "salt",
            SESSION)); // 4 old secret
    requests.add(
        request(
            "op",
            "jose",
            "enc",
            "A256CBC-HS512",
            "kid",
            false,
            "claims",
            CUSTOMER,
            "secret",
            SECRET,
            "salt",
            SESSION,
            "maxAge",
            3600)); // 5 no kid
    requests.add(
        request(
            "op", "jose", "enc", "A256GCM", "kid", true, "claims", CUSTOMER, "secret", SECRET,
            "salt", SESSION, "maxAge", 3600)); // 6 A256GCM with kid
    requests.add(
        request(
            "op", "jose", "enc", "A256GCM", "kid", false, "claims", CUSTOMER, "secret", SECRET,
            "salt", SESSION, "maxAge", 3600)); // 7 A256GCM, no kid
    requests.add(
        request(
            "op", "encode", "claims", big, "secret", SECRET, "salt", SECURE_SESSION)); // 8 large
    requests.add(
        request(
            "op",
            "jose",
            "enc",
            "A128CBC-HS256",
            "kid",
            true,
            "claims",
            CUSTOMER,
            "secret",
            SECRET,
            "salt",
            SESSION,
            "maxAge",
            3600)); // 9 disallowed enc
    requests.add(
        request("op", "jws", "claims", CUSTOMER, "secret", SECRET, "salt", SESSION)); // 10 a JWS
    requests.add(
        request(
            "op", "encode", "claims", CUSTOMER, "secret", SECRET, "salt", SESSION, "maxAge",
            100)); // 11
    requests.add(
        request(
            "op",
            "jose",
            "enc",
            "A256CBC-HS512",
            "kid",
            false,
            "claims",
            CUSTOMER,
            "secret",
            OLD_SECRET,
            "salt",
            SESSION,
            "maxAge",
            3600)); // 12 no kid, old secret
    Map<String, Object> unknown = new LinkedHashMap<>();
    unknown.put("nested", Map.of("list", List.of(1, 2.5, "three", true)));
    unknown.put("unicode", "Grüße 🎉 \u2028");
    unknown.put("nothing", LinkedHashMapWithNull.value());
    requests.add(
        request("op", "encode", "claims", unknown, "secret", SECRET, "salt", SESSION)); // 13
    made = AuthJsNode.run(requests);
  }

  /** A map with a null value (Map.of refuses nulls). */
  static final class LinkedHashMapWithNull {
    static Map<String, Object> value() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("gone", null);
      return map;
    }
  }

  static SessionClaims decoded(DecodeResult result) {
    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    return ((DecodeResult.Decoded) result).claims();
  }

  @Test
  void decodeWhenAuthJsMadeCustomerSessionThenClaimsInCatalystLayout() {
    SessionClaims claims = decoded(codec(SECRET).decode(made.get(0).string(), SESSION));
    assertThat(claims.name()).isEqualTo("Jane Shopper");
    assertThat(claims.email()).isEqualTo("shopper@example.com");
    assertThat(claims.sub()).isEqualTo("42");
    SessionUser user = claims.user().orElseThrow();
    assertThat(user.customerAccessToken())
        .hasValueSatisfying(
            cat -> {
              assertThat(cat.value())
                  .isEqualTo("cat-eyJhbGciOiJIUzI1NiJ9.customer.signature-0000000000");
              assertThat(cat.expiresAt()).isNull();
            });
    assertThat(user.cartId()).isEqualTo("a1b2c3d4-e5f6-4711-8899-aabbccddeeff");
    assertThat(user.firstName()).isEqualTo("Jane");
    assertThat(user.lastName()).isEqualTo("Shopper");
    assertThat(claims.issuedAt()).isEqualTo(Instant.ofEpochSecond(NOW));
    assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW + 30L * 24 * 3600));
    assertThat(claims.jti())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void decodeWhenSecureCookieNameThenDecodesOnlyWithThatSalt() {
    String token = made.get(1).string();
    assertThat(decoded(codec(SECRET).decode(token, SECURE_SESSION)).email())
        .isEqualTo("shopper@example.com");
    assertThat(codec(SECRET).decode(token, SESSION))
        .isEqualTo(new DecodeResult.Rejected(RejectionReason.NO_MATCHING_KEY));
  }

  @Test
  void decodeWhenAuthJsMadeAnonymousSessionsThenCartIdOrNull() {
    SessionClaims withCart = decoded(codec(SECRET).decode(made.get(2).string(), ANONYMOUS_SECURE));
    assertThat(withCart.user().orElseThrow().cartId()).isEqualTo("cart-1234");
    assertThat(withCart.isAnonymous()).isTrue();
    SessionClaims noCart = decoded(codec(SECRET).decode(made.get(3).string(), ANONYMOUS_SECURE));
    assertThat(noCart.user().orElseThrow().hasCartId()).isTrue();
    assertThat(noCart.user().orElseThrow().cartId()).isNull();
    assertThat(noCart.toJson()).startsWith("{\"user\":{\"cartId\":null},\"iat\":");
  }

  @Test
  void decodeWhenTokenFromOlderSecretOfRingThenDecodedByKid() {
    assertThat(codec(SECRET, OLD_SECRET).decode(made.get(4).string(), SESSION).isDecoded())
        .isTrue();
    assertThat(codec(SECRET).decode(made.get(4).string(), SESSION))
        .isEqualTo(new DecodeResult.Rejected(RejectionReason.NO_MATCHING_KEY));
  }

  @Test
  void decodeWhenNoKidThenNewestSecretOnlyAsAuthJs() {
    assertThat(codec(SECRET, OLD_SECRET).decode(made.get(5).string(), SESSION).isDecoded())
        .isTrue();
    assertThat(codec(OLD_SECRET, SECRET).decode(made.get(5).string(), SESSION))
        .isEqualTo(new DecodeResult.Rejected(RejectionReason.DECRYPTION_FAILED));
    assertThat(codec(SECRET, OLD_SECRET).decode(made.get(12).string(), SESSION))
        .isEqualTo(new DecodeResult.Rejected(RejectionReason.DECRYPTION_FAILED));
  }

  @Test
  void decodeWhenA256GcmTokenWithOrWithoutKidThenDecoded() {
    assertThat(decoded(codec(SECRET).decode(made.get(6).string(), SESSION)).name())
        .isEqualTo("Jane Shopper");
    assertThat(decoded(codec(SECRET).decode(made.get(7).string(), SESSION)).name())
        .isEqualTo("Jane Shopper");
    assertThat(codec(OTHER_SECRET).decode(made.get(7).string(), SESSION))
        .isEqualTo(new DecodeResult.Rejected(RejectionReason.DECRYPTION_FAILED));
  }

  @Test
  void decodeWhenAuthJsChunkedLargeTokenThenReassembledAndDecoded() {
    String token = made.get(8).string();
    assertThat(token.length()).isGreaterThan(CookieChunker.CHUNK_SIZE);
    Result chunks =
        AuthJsNode.runOne(request("op", "chunk", "name", SECURE_SESSION, "value", token));
    Map<String, String> cookies = new LinkedHashMap<>();
    List<?> list = (List<?>) chunks.value();
    for (int i = list.size() - 1; i >= 0; i--) { // reversed: order must come from the suffixes
      Map<String, Object> cookie = (Map<String, Object>) list.get(i);
      cookies.put((String) cookie.get("name"), (String) cookie.get("value"));
    }
    assertThat(cookies.keySet())
        .containsExactlyInAnyOrder(
            SECURE_SESSION + ".0", SECURE_SESSION + ".1", SECURE_SESSION + ".2");
    CookieChunker.ReadResult read = CookieChunker.read(SECURE_SESSION, cookies);
    assertThat(read).isInstanceOf(CookieChunker.ReadResult.Found.class);
    assertThat(((CookieChunker.ReadResult.Found) read).value())
        .as("joined value equals the token")
        .isEqualTo(token);
    assertThat(decoded(codec(SECRET).decode(token, SECURE_SESSION)).name()).hasSize(6000);
  }

  @Test
  void decodeWhenUnknownClaimsThenRoundTripUnchangedThroughJava() {
    String authJsToken = made.get(13).string();
    SessionClaims claims = decoded(codec(SECRET).decode(authJsToken, SESSION));
    assertThat(claims.extra()).containsKeys("nested", "unicode", "nothing");
    String javaToken = codec(NOW + 10, SECRET).encode(claims, SESSION);
    Map<String, Object> authJsView =
        (Map<String, Object>)
            AuthJsNode.runOne(
                    request("op", "decode", "token", javaToken, "secret", SECRET, "salt", SESSION))
                .value();
    assertThat(authJsView.get("nested")).isEqualTo(Map.of("list", List.of(1L, 2.5, "three", true)));
    assertThat(authJsView.get("unicode")).isEqualTo("Grüße 🎉 \u2028");
    assertThat((Map<String, Object>) authJsView.get("nothing")).containsEntry("gone", null);
    assertThat(authJsView.get("iat")).isEqualTo(NOW + 10);
    assertThat(authJsView.get("jti")).isNotEqualTo(claims.jti());
    assertThat(new ArrayList<>(authJsView.keySet()))
        .containsExactly("nested", "unicode", "nothing", "iat", "exp", "jti");
  }

  @Test
  void encodeWhenJavaMadeTokensThenAuthJsDecodesThem() {
    SessionClaims customer =
        SessionClaims.builder()
            .name("Jane Shopper")
            .email("shopper@example.com")
            .sub("42")
            .user(
                SessionUser.builder()
                    .customerAccessToken(
                        new CustomerAccessToken("cat-value", Instant.parse("2030-01-01T00:00:00Z")))
                    .cartId("cart-9")
                    .firstName("Jane")
                    .lastName("Shopper")
                    .build())
            .build();
    String plain = codec(SECRET).encode(customer, SESSION);
    String secure = codec(SECRET, OLD_SECRET).encode(customer, SECURE_SESSION, Duration.ofHours(1));
    String anonymous = codec(SECRET).encode(SessionClaims.anonymous(null), ANONYMOUS_SECURE);
    List<Result> results =
        AuthJsNode.run(
            List.of(
                request("op", "decode", "token", plain, "secret", SECRET, "salt", SESSION),
                request(
                    "op",
                    "decode",
                    "token",
                    secure,
                    "secret",
                    List.of(OLD_SECRET, SECRET),
                    "salt",
                    SECURE_SESSION),
                request(
                    "op", "decode", "token", anonymous, "secret", SECRET, "salt", ANONYMOUS_SECURE),
                request("op", "decode", "token", plain, "secret", SECRET, "salt", SECURE_SESSION),
                request("op", "decode", "token", plain, "secret", OTHER_SECRET, "salt", SESSION),
                request(
                    "op",
                    "decode",
                    "token",
                    secure,
                    "secret",
                    SECRET,
                    "salt",
                    SECURE_SESSION,
                    "now",
                    NOW + 3600 + 16)));
    Map<String, Object> first = (Map<String, Object>) results.get(0).value();
    assertThat(first.get("name")).isEqualTo("Jane Shopper");
    assertThat((Map<String, Object>) first.get("user"))
        .containsEntry("customerAccessToken", "cat-value")
        .containsEntry("customerAccessTokenExpiresAt", "2030-01-01T00:00:00Z")
        .containsEntry("cartId", "cart-9");
    assertThat(first.get("iat")).isEqualTo(NOW);
    assertThat(first.get("exp")).isEqualTo(NOW + 2_592_000L);
    assertThat(((Map<String, Object>) results.get(1).value()).get("exp")).isEqualTo(NOW + 3600);
    assertThat((Map<String, Object>) ((Map<String, Object>) results.get(2).value()).get("user"))
        .containsEntry("cartId", null);
    assertThat(results.get(3).ok()).isFalse();
    assertThat(results.get(3).message()).isEqualTo("no matching decryption secret");
    assertThat(results.get(4).message()).isEqualTo("no matching decryption secret");
    assertThat(results.get(5).error()).isEqualTo("JWTExpired");
  }

  @Test
  void encodeWhenJavaMadeTokenThenHeaderIsExactlyAuthJsHeader() {
    String java = codec(SECRET).encode(SessionClaims.anonymous("c"), SESSION);
    String authJs = made.get(0).string();
    assertThat(java.substring(0, java.indexOf('.')))
        .isEqualTo(authJs.substring(0, authJs.indexOf('.')));
  }

  @Test
  void decodeWhenNegativeCasesThenJavaRejectsWhereAuthJsRejects() {
    String good = made.get(0).string();
    String tamperedCiphertext = flipCharInSegment(good, 3);
    String tamperedTag = flipCharInSegment(good, 4);
    String expired = made.get(11).string(); // exp = NOW + 100
    List<String> tokens =
        List.of(
            tamperedCiphertext,
            tamperedTag,
            made.get(9).string(),
            made.get(10).string(),
            "garbage",
            "a.b.c.d.e");
    List<Map<String, Object>> requests = new ArrayList<>();
    for (String token : tokens) {
      requests.add(request("op", "decode", "token", token, "secret", SECRET, "salt", SESSION));
    }
    requests.add(
        request(
            "op", "decode", "token", good, "secret", SECRET, "salt", SECURE_SESSION)); // wrong salt
    requests.add(
        request(
            "op",
            "decode",
            "token",
            good,
            "secret",
            OTHER_SECRET,
            "salt",
            SESSION)); // wrong secret
    requests.add(
        request(
            "op", "decode", "token", expired, "secret", SECRET, "salt", SESSION, "now", NOW + 115));
    requests.add(
        request(
            "op", "decode", "token", expired, "secret", SECRET, "salt", SESSION, "now", NOW + 114));
    List<Result> authJs = AuthJsNode.run(requests);
    for (int i = 0; i < 8; i++) {
      assertThat(authJs.get(i).ok()).as("Auth.js rejects case %d", i).isFalse();
    }
    assertThat(authJs.get(8).error()).isEqualTo("JWTExpired");
    assertThat(authJs.get(9).ok()).as("within the 15 s leeway").isTrue();

    SessionCodec java = codec(SECRET);
    assertThat(java.decode(tamperedCiphertext, SESSION))
        .isEqualTo(rejected(RejectionReason.DECRYPTION_FAILED));
    assertThat(java.decode(tamperedTag, SESSION))
        .isEqualTo(rejected(RejectionReason.DECRYPTION_FAILED));
    assertThat(java.decode(made.get(9).string(), SESSION))
        .isEqualTo(rejected(RejectionReason.UNSUPPORTED_ALGORITHM));
    assertThat(java.decode(made.get(10).string(), SESSION))
        .isEqualTo(rejected(RejectionReason.MALFORMED));
    assertThat(java.decode("garbage", SESSION)).isEqualTo(rejected(RejectionReason.MALFORMED));
    assertThat(java.decode("a.b.c.d.e", SESSION)).isEqualTo(rejected(RejectionReason.MALFORMED));
    assertThat(java.decode(good, SECURE_SESSION))
        .isEqualTo(rejected(RejectionReason.NO_MATCHING_KEY));
    assertThat(codec(OTHER_SECRET).decode(good, SESSION))
        .isEqualTo(rejected(RejectionReason.NO_MATCHING_KEY));
    assertThat(codec(NOW + 115, SECRET).decode(expired, SESSION))
        .isEqualTo(rejected(RejectionReason.EXPIRED));
    assertThat(codec(NOW + 114, SECRET).decode(expired, SESSION).isDecoded()).isTrue();
  }

  static DecodeResult rejected(RejectionReason reason) {
    return new DecodeResult.Rejected(reason);
  }

  /**
   * Changes one character in the middle of segment {@code index} to another base64url character.
   */
  static String flipCharInSegment(String token, int index) {
    String[] parts = token.split("\\.", -1);
    String segment = parts[index];
    int at = segment.length() / 2;
    char c = segment.charAt(at);
    parts[index] = segment.substring(0, at) + (c == 'A' ? 'B' : 'A') + segment.substring(at + 1);
    return String.join(".", parts);
  }

  @Test
  void writeWhenAuthJsChunksThenJavaEmitsTheSameCookies() {
    String longValue = "v".repeat(CookieChunker.CHUNK_SIZE * 2 + 5);
    List<Map<String, String>> scenarios =
        List.of(
            Map.of(),
            Map.of(SESSION, "old"),
            Map.of(
                SESSION + ".0", "a", SESSION + ".1", "b", SESSION + ".2", "c", SESSION + ".3", "d"),
            Map.of(SESSION + ".0", "a", "other", "z", SESSION + "-x", "q"));
    List<Map<String, Object>> requests = new ArrayList<>();
    for (Map<String, String> cookies : scenarios) {
      requests.add(request("op", "chunk", "name", SESSION, "value", "short", "cookies", cookies));
      requests.add(request("op", "chunk", "name", SESSION, "value", longValue, "cookies", cookies));
    }
    List<Result> authJs = AuthJsNode.run(requests);
    int i = 0;
    for (Map<String, String> cookies : scenarios) {
      for (String value : List.of("short", longValue)) {
        List<SetCookie> java =
            CookieChunker.write(SESSION, value, CookieAttributes.authJsDefaults(false), cookies);
        List<String> javaView = new ArrayList<>();
        for (SetCookie cookie : java) {
          javaView.add(
              cookie.name() + "=" + cookie.value().length() + (cookie.isDeletion() ? ";0" : ""));
        }
        List<String> authJsView = new ArrayList<>();
        for (Object item : (List<?>) authJs.get(i++).value()) {
          Map<String, Object> cookie = (Map<String, Object>) item;
          authJsView.add(
              cookie.get("name")
                  + "="
                  + ((String) cookie.get("value")).length()
                  + (Long.valueOf(0).equals(cookie.get("maxAge")) ? ";0" : ""));
        }
        assertThat(javaView)
            .as("cookies %s, value length %d", cookies.keySet(), value.length())
            .containsExactlyInAnyOrderElementsOf(authJsView);
      }
    }
  }
}
