package dev.storefrontsession.core.testing;

import dev.storefrontsession.core.internal.JsonOutput;
import dev.storefrontsession.core.internal.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs operations against the real {@code @auth/core} (test-fixtures/authjs, pinned by its
 * lockfile) through {@code node test-fixtures/authjs/authjs.mjs}, a batch per process. Fails, never
 * skips, when the Node packages are missing.
 */
public final class AuthJsNode {

  /** One result: {@code ok} with a value, or the error name and message Auth.js threw. */
  public record Result(boolean ok, Object value, String error, String message) {
    public String string() {
      if (!ok) {
        throw new AssertionError("@auth/core failed: " + error + ": " + message);
      }
      return (String) value;
    }
  }

  private AuthJsNode() {}

  public static Path fixtures() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("test-fixtures/authjs");
      if (Files.isRegularFile(candidate.resolve("authjs.mjs"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new AssertionError(
        "test-fixtures/authjs not found above " + Path.of("").toAbsolutePath());
  }

  /** Runs the requests (each a JSON object as a Map) in one Node process. */
  public static List<Result> run(List<Map<String, Object>> requests) {
    Path fixtures = fixtures();
    if (!Files.isDirectory(fixtures.resolve("node_modules/@auth/core"))) {
      throw new AssertionError(
          "@auth/core is not installed in "
              + fixtures
              + ": run bin/install-test-deps (npm ci in test-fixtures/authjs) first");
    }
    JsonOutput json = new JsonOutput(4096);
    json.writeValue(requests);
    try {
      Process node =
          new ProcessBuilder("node", "authjs.mjs")
              .directory(fixtures.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      node.getOutputStream().write(json.toByteArray());
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
      for (Object item : (List<?>) JsonParser.parse(new String(out, StandardCharsets.UTF_8))) {
        Map<?, ?> map = (Map<?, ?>) item;
        results.add(
            new Result(
                Boolean.TRUE.equals(map.get("ok")),
                map.get("value"),
                (String) map.get("error"),
                (String) map.get("message")));
      }
      if (results.size() != requests.size()) {
        throw new AssertionError(
            "node authjs.mjs answered " + results.size() + " of " + requests.size());
      }
      return results;
    } catch (IOException e) {
      throw new AssertionError(
          "cannot run node (install it with bin/install-test-deps): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static Result runOne(Map<String, Object> request) {
    return run(List.of(request)).get(0);
  }
}
