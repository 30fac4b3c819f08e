package dev.storefrontsession.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The process's streams and environment, passed to commands so tests run them in memory.
 *
 * @param in stdin
 * @param out stdout (results only)
 * @param err stderr (messages)
 * @param environment environment variables
 */
public record Console(
    InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {

  public Console {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    environment = Map.copyOf(environment);
  }

  public static Console system() {
    return new Console(System.in, System.out, System.err, System.getenv());
  }

  /** All of stdin as UTF-8. */
  public String readStdin() throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Console[environment=<redacted>]";
  }
}
