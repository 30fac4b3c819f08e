package dev.storefrontsession.spring.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code @auth/core} (installed by {@code bin/install-test-deps} under {@code
 * test-fixtures/authjs}), driven through {@code src/test/resources/authjs-interop.mjs}. Fails,
 * never skips, when Node or the packages are missing.
 */
public final class AuthJsCore {

  private final Path nodeModules;
  private final Path script;

  private AuthJsCore(Path nodeModules, Path script) {
    this.nodeModules = nodeModules;
    this.script = script;
  }

  public static AuthJsCore locate() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("test-fixtures/authjs"))) {
      dir = dir.getParent();
    }
    if (dir == null
        || !Files.isDirectory(dir.resolve("test-fixtures/authjs/node_modules/@auth/core"))) {
      throw new IllegalStateException(
          "@auth/core is not installed under test-fixtures/authjs: run bin/install-test-deps");
    }
    Path script = Path.of("src/test/resources/authjs-interop.mjs").toAbsolutePath();
    if (!Files.isRegularFile(script)) {
      script = dir.resolve("session-spring/src/test/resources/authjs-interop.mjs");
    }
    return new AuthJsCore(dir.resolve("test-fixtures/authjs/node_modules"), script);
  }

  /** {@code encode({token: claims, secret, salt, maxAge})}. */
  public String encode(Map<String, ?> claims, String secret, String salt, long maxAgeSeconds) {
    JsonNode result =
        run(
            Map.of(
                "op",
                "encode",
                "claims",
                claims,
                "secret",
                secret,
                "salt",
                salt,
                "maxAge",
                maxAgeSeconds));
    return result.path("value").asString();
  }

  /** {@code decode({token, secret, salt})}: the claims, or the error as {@code {"ok":false,…}}. */
  public JsonNode decode(String token, String secret, String salt) {
    return run(Map.of("op", "decode", "token", token, "secret", secret, "salt", salt));
  }

  private JsonNode run(Map<String, ?> request) {
    try {
      Process node =
          new ProcessBuilder("node", script.toString(), nodeModules.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      node.getOutputStream().write(Shopper.JSON.writeValueAsBytes(request));
      node.getOutputStream().close();
      byte[] out = node.getInputStream().readAllBytes();
      if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
        throw new IllegalStateException("node failed: " + new String(out, StandardCharsets.UTF_8));
      }
      return Shopper.JSON.readTree(out);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run node (install Node.js, then bin/install-test-deps)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
