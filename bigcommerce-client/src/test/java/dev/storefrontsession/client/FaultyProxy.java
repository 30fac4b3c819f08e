package dev.storefrontsession.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

/**
 * A small HTTP proxy for tests, in front of the real sandbox: it records every request (method, URI, headers, body),
 * counts upstream calls, and can inject faults (delay, a status, a malformed body, a stalled body) or hold requests
 * until released. Binds 127.0.0.1 on port 0.
 */
final class FaultyProxy implements AutoCloseable {

    /** What the proxy does with the next requests. */
    sealed interface Fault {
        /** Forward unchanged. */
        record None() implements Fault {}

        /** Wait, then forward. */
        record Delay(Duration delay) implements Fault {}

        /** Answer with this status and body instead of forwarding. */
        record Respond(int status, String contentType, String body) implements Fault {}

        /** Forward, then send the status line and headers but stall before the body. */
        record StallBody(Duration stall) implements Fault {}

        /** Forward, then answer with only the first {@code bytes} of the body (a complete, shorter response). */
        record Truncate(int bytes) implements Fault {}
    }

    /** One request as the proxy received it; header names lower-cased. */
    record Recorded(String method, URI uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        boolean has(String name) {
            return headers.containsKey(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "upgrade",
            "http2-settings", "expect", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient upstreamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
    private final List<String> upstreamBodies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Fault> fault = new AtomicReference<>(new Fault.None());
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

    private FaultyProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a proxy forwarding to {@code upstream} (scheme, host and port; the request path is kept). */
    static FaultyProxy start(URI upstream) {
        try {
            return new FaultyProxy(upstream);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The proxy's GraphQL endpoint. */
    URI graphqlEndpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + upstream.getPath());
    }

    void inject(Fault f) {
        fault.set(f);
    }

    /** Requests wait (before forwarding) until {@link #release()}. */
    void holdRequests() {
        hold.set(new CountDownLatch(1));
    }

    void release() {
        CountDownLatch latch = hold.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    List<Recorded> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    Recorded lastRequest() {
        List<Recorded> all = requests();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The whole bodies the upstream answered, in order, whatever was passed on. */
    List<String> upstreamBodies() {
        synchronized (upstreamBodies) {
            return List.copyOf(upstreamBodies);
        }
    }

    int requestCount() {
        return recorded.size();
    }

    void reset() {
        recorded.clear();
        upstreamBodies.clear();
        fault.set(new Fault.None());
        release();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            recorded.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI(), headers,
                    new String(body, StandardCharsets.UTF_8)));

            CountDownLatch latch = hold.get();
            if (latch != null) {
                latch.await(30, TimeUnit.SECONDS);
            }
            Fault f = fault.get();
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
            response.headers().map().forEach((k, v) -> {
                if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                    exchange.getResponseHeaders().put(k, v);
                }
            });
            byte[] out = response.body();
            upstreamBodies.add(new String(out, StandardCharsets.UTF_8));
            if (f instanceof Fault.Truncate t) {
                out = java.util.Arrays.copyOf(out, Math.min(out.length, t.bytes()));
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
            // The client went away (timeout tests): nothing to answer.
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, Map<String, List<String>> headers, byte[] body)
            throws IOException, InterruptedException {
        URI target = upstream.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder b = HttpRequest.newBuilder(target)
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return upstreamClient.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
