package dev.storefrontsession.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * JavaScript's own {@code JSON.stringify(JSON.parse(text))}, from one {@code node} process kept for
 * a test class: one line per text each way, base64 of the UTF-8 bytes (so no character of the text
 * can break the framing). Node must be installed (bin/test installs it); without it the tests fail,
 * never skip.
 */
final class JsonStringifyNode implements AutoCloseable {

  private static final String SCRIPT =
      String.join(
          "\n",
          "const rl = require('readline').createInterface({ input: process.stdin });",
          "const utf8 = new TextDecoder('utf-8', { fatal: true });",
          "rl.on('line', line => {",
          "  let out;",
          "  try { out = JSON.stringify(JSON.parse(utf8.decode(Buffer.from(line, 'base64')))); }",
          "  catch (e) { out = '\\u0000' + e.name; }",
          "  process.stdout.write(Buffer.from(out, 'utf8').toString('base64') + '\\n');",
          "});");

  private final Process node;
  private final Writer in;
  private final BufferedReader out;

  JsonStringifyNode() {
    try {
      node =
          new ProcessBuilder("node", "-e", SCRIPT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "node is needed to compare with JSON.stringify (bin/test installs it)", e);
    }
    in = new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.US_ASCII);
    out =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.US_ASCII));
  }

  /**
   * {@code JSON.stringify(JSON.parse(utf8))}; a JavaScript error (for text that is not JSON) is an
   * assertion error.
   */
  synchronized String restringify(byte[] utf8) {
    try {
      in.write(Base64.getEncoder().encodeToString(utf8));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("node exited");
      }
      String result = new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8);
      if (result.startsWith("\u0000")) {
        throw new AssertionError("JSON.parse refused the text: " + result.substring(1));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // the process is ended below either way
    }
    try {
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    } catch (InterruptedException e) {
      node.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
