package dev.storefrontsession.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP/1.1 load generator on raw keep-alive sockets (less client CPU than a general
 * HTTP client, which matters on a 2-core machine where client and server share the CPU). Each
 * connection has its own thread and sends one request at a time. Every shopper has a cookie jar
 * like a browser's: it starts with the shopper's cookies and takes the {@code Set-Cookie} headers
 * of the responses, so a session or CSRF cookie the server sets once is sent back afterwards
 * instead of being minted again on every request. Shoppers are split between connections (shopper
 * {@code i} always uses connection {@code i % connections}), so a jar is only touched by one
 * thread.
 */
public final class LoadDriver {

  /** Latency histogram resolution: 10 µs buckets up to 2 s. */
  private static final int BUCKET_MICROS = 10;

  private static final int BUCKETS = 200_000;

  private final String host;
  private final int port;

  public LoadDriver(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /**
   * What the shoppers send. The plan keeps the shoppers' cookie jars, so a cookie set in one run (a
   * warm-up) is sent in the next.
   */
  public static final class Plan {
    private final int connections;
    private final int shoppers;
    private final IntFunction<String> path;
    private final IntFunction<Map<String, String>> initialCookies;
    private final List<Map<String, String>> jars;

    public Plan(
        int connections,
        int shoppers,
        IntFunction<String> path,
        IntFunction<Map<String, String>> initialCookies) {
      this.connections = connections;
      this.shoppers = shoppers;
      this.path = path;
      this.initialCookies = initialCookies;
      this.jars =
          new ArrayList<>(java.util.Collections.nCopies(shoppers, (Map<String, String>) null));
    }

    public int connections() {
      return connections;
    }

    public int shoppers() {
      return shoppers;
    }

    public IntFunction<String> path() {
      return path;
    }

    public IntFunction<Map<String, String>> initialCookies() {
      return initialCookies;
    }

    /**
     * The jar of {@code shopper}, made from its initial cookies on first use. One thread per
     * shopper.
     */
    Map<String, String> jar(int shopper) {
      Map<String, String> jar = jars.get(shopper);
      if (jar == null) {
        jar = new LinkedHashMap<>(initialCookies.apply(shopper));
        jars.set(shopper, jar);
      }
      return jar;
    }
  }

  /** The outcome of a run. */
  public record Result(
      long requests,
      long failures,
      double seconds,
      double throughput,
      double p50Ms,
      double p90Ms,
      double p99Ms,
      double maxMs,
      Map<Integer, Long> statuses,
      long reconnects,
      long setCookies,
      double serverCpuSeconds) {

    /**
     * CPU the server process used per counted request, in microseconds (NaN when the server was not
     * watched).
     */
    public double serverCpuMicrosPerRequest() {
      return requests == 0 ? Double.NaN : serverCpuSeconds * 1e6 / requests;
    }

    Result withServerCpu(double cpuSeconds) {
      return new Result(
          requests,
          failures,
          seconds,
          throughput,
          p50Ms,
          p90Ms,
          p99Ms,
          maxMs,
          statuses,
          reconnects,
          setCookies,
          cpuSeconds);
    }

    public String summary() {
      return String.format(
          "%,d requests in %.1f s = %,.0f req/s, p50 %.2f ms, p99 %.2f ms, failures %d, statuses %s,"
              + " Set-Cookie headers %d",
          requests, seconds, throughput, p50Ms, p99Ms, failures, statuses, setCookies);
    }

    /**
     * Set-Cookie headers received per counted request (0 when cookies are not re-issued in steady
     * state).
     */
    public double setCookiesPerRequest() {
      return requests == 0 ? 0 : setCookies / (double) requests;
    }
  }

  /**
   * Runs {@code warmup} (not counted), then {@code measure}; the shoppers are cycled. Jars persist
   * across warm-up, measurement and later runs of the same plan, as a browser's would. Needs {@code
   * connections} to be the same in every run of a plan (a shopper stays on one connection thread).
   */
  public Result timed(Plan plan, Duration warmup, Duration measure) throws InterruptedException {
    return timed(plan, warmup, measure, null);
  }

  /**
   * As {@link #timed(Plan, Duration, Duration)}, and reads the CPU time {@code server} (a local
   * process) used during the measured window ({@link Result#serverCpuMicrosPerRequest()}).
   */
  public Result timed(Plan plan, Duration warmup, Duration measure, ProcessHandle server)
      throws InterruptedException {
    int connections = plan.connections();
    AtomicBoolean counting = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    Worker[] workers = new Worker[connections];
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int conn = c;
      workers[c] = new Worker(plan, counting);
      Thread t =
          new Thread(
              () -> {
                try {
                  int n = 0;
                  while (!stop.get()) {
                    int shopper = conn + connections * n;
                    if (shopper >= plan.shoppers()) {
                      n = 0;
                      shopper = conn;
                      if (shopper >= plan.shoppers()) {
                        break;
                      }
                    }
                    n++;
                    workers[conn].send(plan.path().apply(shopper), plan.jar(shopper));
                  }
                } catch (IOException e) {
                  workers[conn].error = e;
                } finally {
                  workers[conn].close();
                  done.countDown();
                }
              },
              "load-" + c);
      t.setDaemon(true);
      t.start();
    }
    Thread.sleep(warmup.toMillis());
    double cpuBefore = cpuSeconds(server);
    long start = System.nanoTime();
    counting.set(true);
    Thread.sleep(measure.toMillis());
    counting.set(false);
    long end = System.nanoTime();
    double cpuAfter = cpuSeconds(server);
    stop.set(true);
    done.await();
    return merge(workers, (end - start) / 1e9).withServerCpu(cpuAfter - cpuBefore);
  }

  /**
   * Sends one request for each shopper in {@code [from, to)} (each with a fresh jar that is then
   * dropped).
   */
  public Result oncePerShopper(Plan plan, int from, int to) throws InterruptedException {
    int connections = plan.connections();
    AtomicBoolean counting = new AtomicBoolean(true);
    Worker[] workers = new Worker[connections];
    AtomicInteger next = new AtomicInteger(from);
    CountDownLatch done = new CountDownLatch(connections);
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int conn = c;
      workers[c] = new Worker(plan, counting);
      Thread t =
          new Thread(
              () -> {
                try {
                  int shopper;
                  while ((shopper = next.getAndIncrement()) < to) {
                    workers[conn].send(
                        plan.path().apply(shopper),
                        new HashMap<>(plan.initialCookies().apply(shopper)));
                  }
                } catch (IOException e) {
                  workers[conn].error = e;
                } finally {
                  workers[conn].close();
                  done.countDown();
                }
              },
              "load-" + c);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    return merge(workers, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Total CPU time of {@code process} so far (user + system, from /proc on Linux); NaN when
   * unknown.
   */
  static double cpuSeconds(ProcessHandle process) {
    if (process == null) {
      return Double.NaN;
    }
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
  }

  private Result merge(Worker[] workers, double seconds) {
    long[] histogram = new long[BUCKETS + 1];
    long requests = 0;
    long failures = 0;
    long reconnects = 0;
    long setCookies = 0;
    long maxMicros = 0;
    Map<Integer, Long> statuses = new java.util.TreeMap<>();
    for (Worker w : workers) {
      if (w.error != null) {
        throw new IllegalStateException("load connection failed: " + w.error, w.error);
      }
      for (int i = 0; i < histogram.length; i++) {
        histogram[i] += w.histogram[i];
      }
      requests += w.requests;
      failures += w.failures;
      reconnects += w.reconnects;
      setCookies += w.setCookies;
      maxMicros = Math.max(maxMicros, w.maxMicros);
      w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
    }
    return new Result(
        requests,
        failures,
        seconds,
        requests / seconds,
        percentile(histogram, requests, 0.50),
        percentile(histogram, requests, 0.90),
        percentile(histogram, requests, 0.99),
        maxMicros / 1000.0,
        statuses,
        reconnects,
        setCookies,
        Double.NaN);
  }

  private static double percentile(long[] histogram, long total, double q) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < histogram.length; i++) {
      seen += histogram[i];
      if (seen >= rank) {
        return (i + 1) * BUCKET_MICROS / 1000.0;
      }
    }
    return BUCKETS * BUCKET_MICROS / 1000.0;
  }

  /** One keep-alive connection and its counters. */
  private final class Worker {
    final Plan plan;
    final AtomicBoolean counting;
    final long[] histogram = new long[BUCKETS + 1];
    final Map<Integer, Long> statuses = new HashMap<>();
    long requests;
    long failures;
    long reconnects;
    long setCookies;
    long maxMicros;
    IOException error;
    Socket socket;
    InputStream in;
    OutputStream out;
    final byte[] line = new byte[16 * 1024];
    final byte[] skip = new byte[16 * 1024];

    Worker(Plan plan, AtomicBoolean counting) {
      this.plan = plan;
      this.counting = counting;
    }

    void send(String path, Map<String, String> jar) throws IOException {
      StringBuilder req = new StringBuilder(256 + 64 * jar.size());
      req.append("GET ")
          .append(path)
          .append(" HTTP/1.1\r\nHost: ")
          .append(host)
          .append(':')
          .append(port)
          .append(
              "\r\nUser-Agent: storefront-session-bench\r\nAccept: text/html,application/json\r\n");
      if (!jar.isEmpty()) {
        req.append("Cookie: ");
        boolean first = true;
        for (Map.Entry<String, String> e : jar.entrySet()) {
          if (!first) {
            req.append("; ");
          }
          first = false;
          req.append(e.getKey()).append('=').append(e.getValue());
        }
        req.append("\r\n");
      }
      req.append("\r\n");
      byte[] bytes = req.toString().getBytes(StandardCharsets.ISO_8859_1);
      for (int attempt = 0; ; attempt++) {
        long t0 = System.nanoTime();
        try {
          if (socket == null) {
            connect();
          }
          out.write(bytes);
          out.flush();
          boolean keepAlive = readResponse(jar);
          long micros = (System.nanoTime() - t0) / 1000;
          if (!keepAlive) {
            close();
          }
          if (counting.get()) {
            requests++;
            histogram[(int) Math.min(micros / BUCKET_MICROS, BUCKETS)]++;
            maxMicros = Math.max(maxMicros, micros);
          }
          return;
        } catch (IOException e) {
          // The server closed an idle or finished keep-alive connection: reconnect once.
          close();
          if (attempt >= 1) {
            throw e;
          }
        }
      }
    }

    private void connect() throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      socket.connect(new InetSocketAddress(host, port), 10_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
      reconnects++;
    }

    /** Reads one response; returns whether the connection stays open. */
    private boolean readResponse(Map<String, String> jar) throws IOException {
      String status = readLine();
      if (status == null) {
        throw new IOException("connection closed before the response");
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean keepAlive = true;
      String header;
      while ((header = readLine()) != null && !header.isEmpty()) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim();
        String value = header.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")
            && value.toLowerCase(Locale.ROOT).contains("chunked")) {
          chunked = true;
        } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
          keepAlive = false;
        } else if (name.equalsIgnoreCase("Set-Cookie")) {
          applySetCookie(jar, value);
          if (counting.get()) {
            setCookies++;
          }
        }
      }
      if (chunked) {
        while (true) {
          String sizeLine = readLine();
          int semi = sizeLine.indexOf(';');
          long size =
              Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
          if (size == 0) {
            String trailer;
            while ((trailer = readLine()) != null && !trailer.isEmpty()) {
              // trailers ignored
            }
            break;
          }
          discard(size);
          readLine();
        }
      } else if (length > 0) {
        discard(length);
      } else if (length < 0 && code != 204 && code != 304) {
        keepAlive = false;
        while (in.read(skip) >= 0) {
          // body until close
        }
      }
      if (counting.get()) {
        statuses.merge(code, 1L, Long::sum);
        if (code >= 400) {
          failures++;
        }
      }
      return keepAlive;
    }

    private void discard(long n) throws IOException {
      long left = n;
      while (left > 0) {
        int r = in.read(skip, 0, (int) Math.min(skip.length, left));
        if (r < 0) {
          throw new IOException("connection closed in the body");
        }
        left -= r;
      }
    }

    private String readLine() throws IOException {
      int n = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          if (n > 0 && line[n - 1] == '\r') {
            n--;
          }
          return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }
        if (n == line.length) {
          throw new IOException("header line too long");
        }
        line[n++] = (byte) b;
      }
      return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }

    void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      socket = null;
      in = null;
      out = null;
    }
  }

  /**
   * A browser's jar for one origin, reduced to name → value: a delete (Max-Age=0 or empty value)
   * removes.
   */
  static void applySetCookie(Map<String, String> jar, String setCookie) {
    int semi = setCookie.indexOf(';');
    String pair = semi < 0 ? setCookie : setCookie.substring(0, semi);
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = pair.substring(0, eq).trim();
    String value = pair.substring(eq + 1).trim();
    String attributes = semi < 0 ? "" : setCookie.substring(semi).toLowerCase(Locale.ROOT);
    if (value.isEmpty()
        || attributes.contains("max-age=0")
        || attributes.contains("expires=thu, 01 jan 1970")) {
      jar.remove(name);
    } else {
      jar.put(name, value);
    }
  }
}
