package dev.storefrontsession.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny real HTTP server for these tests. Each path answers what {@link #answer} set (200 and no
 * header otherwise), with a body that echoes the request: method, URI, its Cookie, X-Forwarded-For
 * and Accept headers, and its body.
 */
final class Upstream implements AutoCloseable {

  private record Answer(int status, Map<String, List<String>> headers, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  Upstream() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            Answer answer =
                answers.getOrDefault(
                    exchange.getRequestURI().getPath(), new Answer(200, Map.of(), ""));
            String echo =
                exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestURI()
                    + " cookie="
                    + exchange.getRequestHeaders().getFirst("Cookie")
                    + " xff="
                    + exchange.getRequestHeaders().get("X-Forwarded-For")
                    + " accept="
                    + exchange.getRequestHeaders().get("Accept")
                    + " type="
                    + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " body="
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + answer.body();
            byte[] out = echo.getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
            exchange.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
              os.write(out);
            }
          }
        });
    server.start();
  }

  /**
   * From now on {@code path} answers {@code status} with these headers, and {@code body} after the
   * echo.
   */
  Upstream answer(String path, int status, Map<String, List<String>> headers, String body) {
    answers.put(path, new Answer(status, headers, body));
    return this;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
