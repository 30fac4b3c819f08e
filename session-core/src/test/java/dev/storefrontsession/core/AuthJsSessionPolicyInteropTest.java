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
 * The cookie attributes and claims of session-spring's session policy (browser-session cookies,
 * partitioned cookies, the sign-in time {@code auth_time}) against the real {@code @auth/core}
 * 0.41.3: its own Set-Cookie serializer writes the same headers for the same options, and it reads
 * and re-writes the claims unchanged. One Node process.
 */
@SuppressWarnings("unchecked")
class AuthJsSessionPolicyInteropTest {

  static final long NOW = 1_760_000_000L;
  static final String SECRET = "policy-interop-secret-0123456789";
  static final String SESSION = CookieNames.sessionToken(true);
  static final Instant EXPIRES = Instant.ofEpochSecond(NOW + 3600);
  static final long AUTH_TIME = NOW - 7200;

  static List<Result> authJs;

  static Map<String, Object> request(Object... keyValues) {
    Map<String, Object> request = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      request.put((String) keyValues[i], keyValues[i + 1]);
    }
    request.putIfAbsent("now", NOW);
    return request;
  }

  static Map<String, Object> options(Object... keyValues) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put((String) keyValues[i], keyValues[i + 1]);
    }
    return options;
  }

  static SessionCodec codec() {
    return new SessionCodec(
        KeyRing.of(SECRET), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  }

  static SessionClaims signedIn() {
    return SessionClaims.builder()
        .name("Jane Shopper")
        .email("shopper@example.com")
        .sub("42")
        .user(
            SessionUser.builder()
                .customerAccessToken(new CustomerAccessToken("cat-123", null))
                .cartId("cart-1")
                .build())
        .authTime(Instant.ofEpochSecond(AUTH_TIME))
        .build();
  }

  @BeforeAll
  static void runAuthJs() {
    Map<String, Object> withAuthTime = new LinkedHashMap<>();
    withAuthTime.put("email", "shopper@example.com");
    withAuthTime.put("user", Map.of("customerAccessToken", "cat-123"));
    withAuthTime.put("auth_time", AUTH_TIME);
    List<Map<String, Object>> requests = new ArrayList<>();
    requests.add(
        request(
            "op",
            "serialize",
            "name",
            SESSION,
            "value",
            "a.b",
            "options",
            options(
                "path",
                "/",
                "httpOnly",
                true,
                "secure",
                true,
                "sameSite",
                "none",
                "partitioned",
                true,
                "expires",
                EXPIRES.getEpochSecond()))); // 0 partitioned session cookie
    requests.add(
        request(
            "op",
            "serialize",
            "name",
            SESSION,
            "value",
            "a.b",
            "options",
            options(
                "path",
                "/",
                "httpOnly",
                true,
                "secure",
                true,
                "sameSite",
                "lax"))); // 1 browser-session cookie
    requests.add(
        request(
            "op",
            "serialize",
            "name",
            SESSION + ".1",
            "value",
            "",
            "options",
            options(
                "path",
                "/",
                "httpOnly",
                true,
                "secure",
                true,
                "sameSite",
                "none",
                "partitioned",
                true,
                "maxAge",
                0))); // 2 deletion
    requests.add(
        request(
            "op",
            "decode",
            "token",
            codec().encode(signedIn(), SESSION),
            "secret",
            SECRET,
            "salt",
            SESSION)); // 3 ours, read by Auth.js
    requests.add(
        request("op", "encode", "claims", withAuthTime, "secret", SECRET, "salt", SESSION)); // 4
    authJs = AuthJsNode.run(requests);
  }

  @Test
  void setCookieWhenPartitionedWithSameSiteNoneThenAuthJsSerializerWritesTheSameHeader() {
    CookieAttributes attributes =
        CookieAttributes.authJsDefaults(true).toBuilder()
            .sameSite(CookieAttributes.SameSite.NONE)
            .partitioned(true)
            .expires(EXPIRES)
            .build();

    String ours = new SetCookie(SESSION, "a.b", attributes).toHeaderValue();

    assertThat(ours)
        .isEqualTo(authJs.get(0).string())
        .contains("; Secure; Partitioned; SameSite=None");
  }

  @Test
  void setCookieWhenBrowserSessionThenNoExpiryAndAuthJsSerializerWritesTheSameHeader() {
    String ours =
        new SetCookie(SESSION, "a.b", CookieAttributes.authJsDefaults(true)).toHeaderValue();

    assertThat(ours)
        .isEqualTo(authJs.get(1).string())
        .doesNotContain("Expires")
        .doesNotContain("Max-Age");
  }

  @Test
  void deletionWhenPartitionedThenKeepsPartitionedAsAuthJsSerializerWritesIt() {
    CookieAttributes attributes =
        CookieAttributes.authJsDefaults(true).toBuilder()
            .sameSite(CookieAttributes.SameSite.NONE)
            .partitioned(true)
            .build();

    String ours = SetCookie.deletion(SESSION + ".1", attributes).toHeaderValue();

    assertThat(ours).isEqualTo(authJs.get(2).string());
  }

  @Test
  void authTimeWhenWrittenHereThenAuthJsDecodesItAsTheSignInTime() {
    Result decoded = authJs.get(3);

    assertThat(decoded.ok()).isTrue();
    Map<String, Object> claims = (Map<String, Object>) decoded.value();
    assertThat(((Number) claims.get("auth_time")).longValue()).isEqualTo(AUTH_TIME);
    assertThat(((Number) claims.get("iat")).longValue()).isEqualTo(NOW);
  }

  @Test
  void authTimeWhenMintedByAuthJsThenReadHereAndKeptOnReEncode() {
    DecodeResult result = codec().decode(authJs.get(4).string(), SESSION);

    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    SessionClaims claims = ((DecodeResult.Decoded) result).claims();
    assertThat(claims.authTime()).isEqualTo(Instant.ofEpochSecond(AUTH_TIME));
    SessionClaims reissued =
        ((DecodeResult.Decoded)
                codec().decode(codec().encode(claims, SESSION, Duration.ofHours(1)), SESSION))
            .claims();
    assertThat(reissued.authTime()).isEqualTo(Instant.ofEpochSecond(AUTH_TIME));
    assertThat(reissued.extra()).doesNotContainKey("auth_time");
  }
}
