package dev.storefrontsession.systemtests;

import dev.storefrontsession.core.testing.AuthJsNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@code @auth/core} (pinned by {@code test-fixtures/authjs/package-lock.json}, installed
 * by {@code bin/install-test-deps}), run through session-core's {@link AuthJsNode} (its test jar),
 * with the operations these tests use and Jackson trees for the answers. Fails (never skips) when
 * node or the packages are missing. Tokens and secrets never appear in a failure message.
 */
final class AuthJsScript {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One result: {@code ok} with a value, or the error name and message @auth/core threw. */
  record Result(boolean ok, JsonNode value, String error, String message) {
    JsonNode get() {
      if (!ok) {
        throw new AssertionError("@auth/core failed: " + error + ": " + message);
      }
      return value;
    }

    String string() {
      return get().asString();
    }
  }

  private AuthJsScript() {}

  /**
   * One batch in one Node process (session-core's {@link AuthJsNode}), the values as Jackson trees.
   */
  static List<Result> run(List<Map<String, Object>> requests) {
    List<Result> results = new ArrayList<>();
    for (AuthJsNode.Result r : AuthJsNode.run(requests)) {
      results.add(
          new Result(
              r.ok(),
              r.value() == null ? null : JSON.valueToTree(r.value()),
              r.error(),
              r.message()));
    }
    return results;
  }

  static Result runOne(Map<String, Object> request) {
    return run(List.of(request)).get(0);
  }

  /**
   * {@code encode({token: claims, secret, salt})} at the real time (Auth.js's default max age, 30
   * days).
   */
  static String encode(Map<String, Object> claims, String secret, String salt) {
    return runOne(Map.of("op", "encode", "claims", claims, "secret", secret, "salt", salt))
        .string();
  }

  /**
   * As {@link #encode}, with Auth.js's clock pinned to {@code epochSeconds} (so {@code iat}/{@code
   * exp} are then).
   */
  static String encodeAt(
      Map<String, Object> claims, String secret, String salt, long epochSeconds, long maxAge) {
    return runOne(
            Map.of(
                "op",
                "encode",
                "claims",
                claims,
                "secret",
                secret,
                "salt",
                salt,
                "now",
                epochSeconds,
                "maxAge",
                maxAge))
        .string();
  }

  /** {@code decode({token, secret, salt})}: the payload, or the error Auth.js threw. */
  static Result decode(String token, String secret, String salt) {
    return runOne(Map.of("op", "decode", "token", token, "secret", secret, "salt", salt));
  }

  /**
   * Auth.js's own {@code SessionStore.chunk}: the cookies (name → value, in order) a Next.js app
   * would set.
   */
  static Map<String, String> chunk(String name, String value) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (JsonNode c : runOne(Map.of("op", "chunk", "name", name, "value", value)).get()) {
      cookies.put(c.path("name").asString(), c.path("value").asString());
    }
    return cookies;
  }

  /**
   * Auth.js's own {@code SessionStore} reading a request's cookies: the reassembled session token,
   * or null.
   */
  static String read(String name, Map<String, String> cookies) {
    JsonNode value = runOne(Map.of("op", "read", "name", name, "cookies", cookies)).get();
    return value == null || value.isNull() ? null : value.asString();
  }
}
