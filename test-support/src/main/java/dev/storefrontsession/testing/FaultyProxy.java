package dev.storefrontsession.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP proxy in front of a store (the sandbox's GraphQL endpoint, usually): it forwards
 * every request, records it (method, URI, headers, body) and the store's whole answer, counts calls
 * per GraphQL operation, and can inject faults — at the HTTP level (a delay, a status and body of
 * its own, a stalled or truncated body) and at the TCP level (connection refused, connection closed
 * without an answer) — or hold requests until released. Binds 127.0.0.1 on port 0; thread-safe.
 */
public final class FaultyProxy implements AutoCloseable {

  /** What the proxy does with the next requests. */
  public sealed interface Fault {
    /** Forward unchanged. */
    record None() implements Fault {}

    /** Wait, then forward. */
    record Delay(Duration delay) implements Fault {}

    /** Answer with this status and body instead of forwarding. */
    record Respond(int status, String contentType, String body) implements Fault {}

    /**
     * Forward, then send the status line, headers and first byte, and stall before the rest of the
     * body.
     */
    record StallBody(Duration stall) implements Fault {}

    /**
     * Forward, then answer with only the first {@code bytes} of the body (a complete, shorter
     * response).
     */
    record Truncate(int bytes) implements Fault {}

    /** Close the connection without any answer. */
    record Reset() implements Fault {}

    /**
     * Stop listening: connections are refused until another fault is injected (the proxy keeps its
     * port).
     */
    record Down() implements Fault {}
  }

  /**
   * The ways a store fails that a caller must survive, by name, in a fixed order: connection
   * refused or reset, 5xx and 429 answers, and 200 answers whose body is not the GraphQL JSON it
   * should be.
   */
  public static final Map<String, Fault> STORE_FAILURES = storeFailures();

  /** One request as the proxy received it; header names lower-cased. */
  public record Recorded(String method, URI uri, Map<String, List<String>> headers, String body) {

    /** The first value of header {@code name}, or null. */
    public @Nullable String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean has(String name) {
      return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The {@code operation} query parameter the client puts on the URL, or {@code "?"}. */
    public String operation() {
      String query = uri.getRawQuery();
      String operation = "?";
      if (query != null) {
        for (String part : query.split("&")) {
          if (part.startsWith("operation=")) {
            operation = part.substring("operation=".length());
          }
        }
      }
      return operation;
    }
  }

  /** Not forwarded either way: hop-by-hop headers and those the HTTP client sets itself. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "host",
          "content-length",
          "connection",
          "upgrade",
          "http2-settings",
          "expect",
          "transfer-encoding",
          "keep-alive");

  private static final String CUSTOMER_ACCESS_TOKEN = "x-bc-customer-access-token";

  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "faulty-proxy");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient upstreamClient =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI upstream;
  private final int port;
  private final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
  private final List<String> upstreamBodies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<Fault> fault = new AtomicReference<>(new Fault.None());
  private final AtomicReference<@Nullable CountDownLatch> hold = new AtomicReference<>();

  /** Null while {@link Fault.Down}. */
  private @Nullable HttpServer server;

  private FaultyProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    HttpServer bound = bind(0);
    this.server = bound;
    this.port = bound.getAddress().getPort();
  }

  /**
   * Starts a proxy forwarding to {@code upstream} (scheme, host and port; the request path is
   * kept).
   */
  public static FaultyProxy start(URI upstream) {
    try {
      return new FaultyProxy(upstream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The proxy's URL for {@code upstream}'s path: the GraphQL endpoint to give the client under
   * test.
   */
  public URI graphqlEndpoint() {
    return URI.create("http://127.0.0.1:" + port + upstream.getPath());
  }

  /** From now on, every request meets {@code f} ({@link Fault.None} to pass them through again). */
  public synchronized void inject(Fault f) {
    HttpServer current = server;
    if (f instanceof Fault.Down) {
      if (current != null) {
        current.stop(0);
        server = null;
      }
    } else if (current == null) {
      try {
        server = bind(port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    fault.set(f);
  }

  /** Requests wait (before forwarding) until {@link #release()}, at most 30 s. */
  public void holdRequests() {
    hold.set(new CountDownLatch(1));
  }

  public void release() {
    CountDownLatch latch = hold.getAndSet(null);
    if (latch != null) {
      latch.countDown();
    }
  }

  /** Every request received since the start or the last {@link #reset()}, in order. */
  public List<Recorded> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  public @Nullable Recorded lastRequest() {
    List<Recorded> all = requests();
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  /** The whole bodies the upstream answered, in order, whatever was passed on. */
  public List<String> upstreamBodies() {
    synchronized (upstreamBodies) {
      return List.copyOf(upstreamBodies);
    }
  }

  public int requestCount() {
    return recorded.size();
  }

  /**
   * Requests counted for GraphQL {@code operation} (the client's {@code ?operation=} URL
   * parameter); {@code customer} selects those that carry a customer access token, otherwise those
   * without.
   */
  public long count(String operation, boolean customer) {
    return requests().stream()
        .filter(r -> r.operation().equals(operation) && r.has(CUSTOMER_ACCESS_TOKEN) == customer)
        .count();
  }

  /** Forgets what was recorded, passes requests through again and releases held ones. */
  public void reset() {
    recorded.clear();
    upstreamBodies.clear();
    inject(new Fault.None());
    release();
  }

  private HttpServer bind(int at) throws IOException {
    HttpServer s =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), at), 64);
    s.setExecutor(executor);
    s.createContext("/", this::handle);
    s.start();
    return s;
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      recorded.add(
          new Recorded(
              exchange.getRequestMethod(),
              exchange.getRequestURI(),
              headers,
              new String(body, StandardCharsets.UTF_8)));

      CountDownLatch latch = hold.get();
      if (latch != null) {
        latch.await(30, TimeUnit.SECONDS);
      }
      Fault f = fault.get();
      if (f instanceof Fault.Reset) {
        return; // closed without an answer
      }
      if (f instanceof Fault.Delay d) {
        Thread.sleep(d.delay().toMillis());
      }
      if (f instanceof Fault.Respond r) {
        byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", r.contentType());
        exchange.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        }
        return;
      }
      HttpResponse<byte[]> response = forward(exchange, headers, body);
      response
          .headers()
          .map()
          .forEach(
              (k, v) -> {
                if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                  exchange.getResponseHeaders().put(k, v);
                }
              });
      byte[] out = response.body();
      upstreamBodies.add(new String(out, StandardCharsets.UTF_8));
      if (f instanceof Fault.Truncate t) {
        out = Arrays.copyOf(out, Math.min(out.length, t.bytes()));
      }
      exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        if (f instanceof Fault.StallBody s) {
          os.write(out, 0, Math.min(1, out.length));
          os.flush();
          Thread.sleep(s.stall().toMillis());
          os.write(out, Math.min(1, out.length), Math.max(0, out.length - 1));
        } else {
          os.write(out);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away (timeout tests) or the store did: the connection closes without an
      // answer.
    }
  }

  private HttpResponse<byte[]> forward(
      HttpExchange exchange, Map<String, List<String>> headers, byte[] body)
      throws IOException, InterruptedException {
    URI in = exchange.getRequestURI();
    URI target =
        upstream.resolve(
            in.getRawPath() + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery()));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(60))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (name, values) -> {
          if (!NOT_FORWARDED.contains(name)) {
            values.forEach(v -> b.header(name, v));
          }
        });
    return upstreamClient.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Map<String, Fault> storeFailures() {
    Map<String, Fault> m = new LinkedHashMap<>();
    m.put("DOWN", new Fault.Down());
    m.put("HTTP_500", new Fault.Respond(500, "text/plain", "Internal Server Error"));
    m.put("HTTP_502", new Fault.Respond(502, "text/html", "<html><body>Bad gateway</body></html>"));
    m.put(
        "HTTP_503",
        new Fault.Respond(
            503, "application/json", "{\"errors\":[{\"message\":\"Service Unavailable\"}]}"));
    m.put(
        "HTTP_429",
        new Fault.Respond(
            429, "application/json", "{\"errors\":[{\"message\":\"Too many requests\"}]}"));
    m.put(
        "MALFORMED_JSON",
        new Fault.Respond(200, "application/json", "{\"data\": {\"site\": [1, 2,,}"));
    m.put(
        "TRUNCATED_JSON",
        new Fault.Respond(200, "application/json", "{\"data\":{\"customer\":{\"firstName\":\"Tr"));
    m.put(
        "HTML_200",
        new Fault.Respond(
            200, "text/html", "<!doctype html><html><body>Maintenance</body></html>"));
    m.put("EMPTY_200", new Fault.Respond(200, "application/json", ""));
    m.put(
        "WRONG_SHAPE_JSON",
        new Fault.Respond(200, "application/json", "[{\"data\":null},42,\"x\"]"));
    m.put("RESET", new Fault.Reset());
    return Collections.unmodifiableMap(m);
  }

  @Override
  public synchronized void close() {
    release();
    HttpServer current = server;
    if (current != null) {
      current.stop(0);
      server = null;
    }
    executor.shutdownNow();
  }
}
