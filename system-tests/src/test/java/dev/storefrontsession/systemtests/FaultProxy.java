package dev.storefrontsession.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting HTTP proxy between the storefront and the sandbox: passes requests through, or is down
 * (connection refused), slow, answers 5xx, or answers 200 with a body that is not the GraphQL JSON it should be.
 * Thread-safe.
 */
final class FaultProxy implements AutoCloseable {

  enum Mode { PASS, DOWN, SLOW, HTTP_500, HTTP_502, HTTP_503, HTTP_429, MALFORMED_JSON, TRUNCATED_JSON, HTML_200,
    EMPTY_200, WRONG_SHAPE_JSON, RESET }

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
      "upgrade", "keep-alive", "expect");

  private final URI target;
  private final int port;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });
  private volatile Mode mode = Mode.PASS;
  private volatile Duration delay = Duration.ofSeconds(35);
  /** In PASS mode, responses are cut to this many bytes (a complete, shorter body); negative: whole. */
  private volatile int cutAt = -1;
  private final java.util.List<String> upstreamBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Each request passed on to the sandbox: its query string and its {@code traceparent} header (or null). */
  record Forwarded(String query, String traceparent) {}
  final java.util.List<Forwarded> forwarded = new java.util.concurrent.CopyOnWriteArrayList<>();
  private HttpServer server;
  final AtomicLong requests = new AtomicLong();

  FaultProxy(URI target) throws IOException {
    this.target = target;
    this.server = bind(0);
    this.port = server.getAddress().getPort();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port + target.getRawPath());
  }

  synchronized void mode(Mode mode) throws IOException {
    if (mode == Mode.DOWN && server != null) {
      server.stop(0);
      server = null;
    } else if (mode != Mode.DOWN && server == null) {
      server = bind(port);
    }
    this.mode = mode;
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  /** Passes on only the first {@code bytes} of every upstream body (negative: whole bodies again). */
  void cutResponsesAt(int bytes) {
    this.cutAt = bytes;
  }

  /** The whole bodies the store answered through this proxy, in order, whatever was passed on. */
  java.util.List<String> upstreamBodies() {
    return java.util.List.copyOf(upstreamBodies);
  }

  private HttpServer bind(int at) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", at), 64);
    s.setExecutor(executor);
    s.createContext("/", this::handle);
    s.start();
    return s;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    byte[] requestBody = exchange.getRequestBody().readAllBytes();
    Mode now = mode;
    try {
      switch (now) {
        case HTTP_500 -> respond(exchange, 500, "text/plain", "Internal Server Error");
        case HTTP_502 -> respond(exchange, 502, "text/html", "<html><body>Bad gateway</body></html>");
        case HTTP_503 -> respond(exchange, 503, "application/json", "{\"errors\":[{\"message\":\"Service Unavailable\"}]}");
        case HTTP_429 -> respond(exchange, 429, "application/json", "{\"errors\":[{\"message\":\"Too many requests\"}]}");
        case MALFORMED_JSON -> respond(exchange, 200, "application/json", "{\"data\": {\"site\": [1, 2,,}");
        case TRUNCATED_JSON -> respond(exchange, 200, "application/json", "{\"data\":{\"customer\":{\"firstName\":\"Tr");
        case HTML_200 -> respond(exchange, 200, "text/html", "<!doctype html><html><body>Maintenance</body></html>");
        case EMPTY_200 -> respond(exchange, 200, "application/json", "");
        case WRONG_SHAPE_JSON -> respond(exchange, 200, "application/json", "[{\"data\":null},42,\"x\"]");
        case RESET -> exchange.close(); // the connection ends without a response
        case SLOW -> {
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          forward(exchange, requestBody);
        }
        default -> forward(exchange, requestBody);
      }
    } finally {
      exchange.close();
    }
  }

  private void forward(HttpExchange exchange, byte[] body) throws IOException {
    URI uri = target.resolve(exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(exchange.getRequestMethod(),
        HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60));
    forwarded.add(new Forwarded(String.valueOf(exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders().getFirst("traceparent")));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> b.header(name, v));
      }
    });
    HttpResponse<byte[]> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    response.headers().map().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    byte[] bytes = response.body();
    upstreamBodies.add(new String(bytes, StandardCharsets.UTF_8));
    if (cutAt >= 0 && bytes.length > cutAt) {
      bytes = java.util.Arrays.copyOf(bytes, cutAt);
    }
    exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
    }
    executor.shutdownNow();
  }
}
