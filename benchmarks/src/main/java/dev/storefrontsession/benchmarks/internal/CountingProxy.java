package dev.storefrontsession.benchmarks.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback HTTP proxy in front of the Storefront GraphQL endpoint that counts the calls passing through, by
 * operation name (the client puts {@code ?operation=<name>} on the URL) and by whether they carry a customer access
 * token ({@code X-Bc-Customer-Access-Token}). Used to count what really goes upstream, independent of the client's
 * own counters.
 */
public final class CountingProxy implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding",
      "upgrade", "keep-alive", "expect");

  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI upstream;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  private CountingProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "counting-proxy");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::forward);
    server.start();
  }

  /** Starts a proxy forwarding to {@code upstream} (scheme, host and port of it are used). */
  public static CountingProxy start(URI upstream) throws IOException {
    return new CountingProxy(upstream);
  }

  /** The proxy's URL for {@code upstream}'s path. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + upstream.getPath());
  }

  /** Calls counted for {@code operation}; {@code customer} selects those with a customer access token. */
  public long count(String operation, boolean customer) {
    LongAdder n = counts.get(key(operation, customer));
    return n == null ? 0 : n.sum();
  }

  public void reset() {
    counts.clear();
  }

  private static String key(String operation, boolean customer) {
    return (customer ? "customer:" : "guest:") + operation;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI in = exchange.getRequestURI();
      String query = in.getRawQuery();
      String operation = "?";
      if (query != null) {
        for (String part : query.split("&")) {
          if (part.startsWith("operation=")) {
            operation = part.substring("operation=".length());
          }
        }
      }
      boolean customer = exchange.getRequestHeaders().containsKey("X-Bc-Customer-Access-Token");
      counts.computeIfAbsent(key(operation, customer), k -> new LongAdder()).increment();
      URI target = URI.create(upstream.getScheme() + "://" + upstream.getRawAuthority() + in.getRawPath()
          + (query == null ? "" : "?" + query));
      HttpRequest.Builder out = HttpRequest.newBuilder(target)
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(
              exchange.getRequestBody().readAllBytes()));
      for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
          for (String v : h.getValue()) {
            out.header(h.getKey(), v);
          }
        }
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      response.headers().map().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
