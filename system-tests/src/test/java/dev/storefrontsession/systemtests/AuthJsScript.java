package dev.storefrontsession.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@code @auth/core} (pinned by {@code test-fixtures/authjs/package-lock.json}, installed by
 * {@code bin/install-test-deps}) run as {@code node authjs.mjs} in that directory: the same script session-core's
 * interop tests use. A batch of requests goes in on stdin as a JSON array; one result per request comes back.
 * Fails (never skips) when node or the packages are missing. Tokens and secrets never appear in a failure message.
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

  static Path fixtures() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("test-fixtures/authjs");
      if (Files.isRegularFile(candidate.resolve("authjs.mjs"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("test-fixtures/authjs not found above " + Path.of("").toAbsolutePath());
  }

  static List<Result> run(List<Map<String, Object>> requests) {
    Path fixtures = fixtures();
    if (!Files.isDirectory(fixtures.resolve("node_modules/@auth/core"))) {
      throw new AssertionError("@auth/core is not installed in " + fixtures
          + ": run bin/install-test-deps (npm ci in test-fixtures/authjs) first");
    }
    try {
      Process node = new ProcessBuilder("node", "authjs.mjs").directory(fixtures.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      node.getOutputStream().write(JSON.writeValueAsBytes(requests));
      node.getOutputStream().close();
      byte[] out = node.getInputStream().readAllBytes();
      if (!node.waitFor(60, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new AssertionError("node authjs.mjs did not finish within 60 s");
      }
      if (node.exitValue() != 0) {
        throw new AssertionError("node authjs.mjs failed (exit " + node.exitValue() + ")");
      }
      List<Result> results = new ArrayList<>();
      for (JsonNode item : JSON.readTree(new String(out, StandardCharsets.UTF_8))) {
        results.add(new Result(item.path("ok").asBoolean(false), item.get("value"),
            item.path("error").asString(null), item.path("message").asString(null)));
      }
      if (results.size() != requests.size()) {
        throw new AssertionError("node authjs.mjs answered " + results.size() + " of " + requests.size());
      }
      return results;
    } catch (IOException e) {
      throw new AssertionError("cannot run node (install it with bin/install-test-deps): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Result runOne(Map<String, Object> request) {
    return run(List.of(request)).get(0);
  }

  /** {@code encode({token: claims, secret, salt})} at the real time (Auth.js's default max age, 30 days). */
  static String encode(Map<String, Object> claims, String secret, String salt) {
    return runOne(Map.of("op", "encode", "claims", claims, "secret", secret, "salt", salt)).string();
  }

  /** As {@link #encode}, with Auth.js's clock pinned to {@code epochSeconds} (so {@code iat}/{@code exp} are then). */
  static String encodeAt(Map<String, Object> claims, String secret, String salt, long epochSeconds, long maxAge) {
    return runOne(Map.of("op", "encode", "claims", claims, "secret", secret, "salt", salt, "now", epochSeconds,
        "maxAge", maxAge)).string();
  }

  /** {@code decode({token, secret, salt})}: the payload, or the error Auth.js threw. */
  static Result decode(String token, String secret, String salt) {
    return runOne(Map.of("op", "decode", "token", token, "secret", secret, "salt", salt));
  }

  /** Auth.js's own {@code SessionStore.chunk}: the cookies (name → value, in order) a Next.js app would set. */
  static Map<String, String> chunk(String name, String value) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (JsonNode c : runOne(Map.of("op", "chunk", "name", name, "value", value)).get()) {
      cookies.put(c.path("name").asString(), c.path("value").asString());
    }
    return cookies;
  }

  /** Auth.js's own {@code SessionStore} reading a request's cookies: the reassembled session token, or null. */
  static String read(String name, Map<String, String> cookies) {
    JsonNode value = runOne(Map.of("op", "read", "name", name, "cookies", cookies)).get();
    return value == null || value.isNull() ? null : value.asString();
  }
}
