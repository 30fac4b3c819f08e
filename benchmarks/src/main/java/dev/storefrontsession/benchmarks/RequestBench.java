package dev.storefrontsession.benchmarks;

import dev.storefrontsession.benchmarks.internal.Args;
import dev.storefrontsession.benchmarks.internal.Report;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/bench request}: throughput of the same page ({@code SessionOverheadApp}'s {@code GET /bench/page}) with
 * and without the session layer, under a closed-loop load of distinct signed-in shoppers.
 *
 * <p>Both servers run at once in their own JVMs (same flags, both recorded with JFR); after a warm-up of each,
 * measurement windows alternate between them (plain, sessions, sessions, plain, ...) so that a change in the machine's
 * load hits both alike. The ratio is median throughput with sessions ÷ median without.
 */
public final class RequestBench {

  static final String SECRET = "request-bench-secret-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

  private RequestBench() {
  }

  public static void run(String[] argv) throws Exception {
    Args args = new Args(argv, 1);
    int connections = args.integer("connections", 8);
    int shoppers = args.integer("shoppers", 1000);
    int warmup = args.integer("warmup", 20);
    int seconds = args.integer("seconds", 10);
    int rounds = args.integer("rounds", 3);
    Path out = Path.of(args.text("out", "benchmarks/target/bench"));
    Files.createDirectories(out);

    Report.progress("request: sandbox (in memory) and " + Math.min(8, shoppers) + " real logins for CATs");
    try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.builder().port(0).inMemoryDatabase().build())) {
      SandboxSettings s = sandbox.settings();
      SignedInShoppers signedIn = SignedInShoppers.login(SECRET, sandbox.graphqlEndpoint(), s.storefrontToken(),
          Math.min(8, shoppers));
      List<Map<String, String>> jars = signedIn.jars(shoppers);
      Map<String, String> env = Map.of("AUTH_SECRET", SECRET,
          "BIGCOMMERCE_GRAPHQL_ENDPOINT", sandbox.graphqlEndpoint().toString(),
          "BIGCOMMERCE_STORE_HASH", s.storeHash(),
          "BIGCOMMERCE_STOREFRONT_TOKEN", s.storefrontToken());

      Report.progress("request: starting both servers (sessions, plain)");
      try (Server withSessions = Server.start("sessions", env, out);
           Server plain = Server.start("plain", env, out)) {
        check(withSessions.port, jars.get(0), "Hi, Shopper");
        check(plain.port, jars.get(0), "Sign in");
        LoadDriver.Plan plan = new LoadDriver.Plan(connections, shoppers, i -> "/bench/page", jars::get);
        Report.progress("request: warm-up " + warmup + " s each, " + connections + " connections, " + shoppers
            + " shoppers");
        new LoadDriver("127.0.0.1", plain.port).timed(plan, Duration.ofSeconds(warmup), Duration.ofSeconds(1));
        new LoadDriver("127.0.0.1", withSessions.port).timed(plan, Duration.ofSeconds(warmup), Duration.ofSeconds(1));

        List<LoadDriver.Result> on = new ArrayList<>();
        List<LoadDriver.Result> off = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          boolean sessionsFirst = r % 2 == 1;
          for (int k = 0; k < 2; k++) {
            boolean sessions = sessionsFirst == (k == 0);
            Server target = sessions ? withSessions : plain;
            LoadDriver.Result result = new LoadDriver("127.0.0.1", target.port)
                .timed(plan, Duration.ofSeconds(2), Duration.ofSeconds(seconds));
            Report.progress("request: round " + (r + 1) + " " + (sessions ? "sessions" : "plain   ") + ": "
                + result.summary());
            (sessions ? on : off).add(result);
          }
        }
        LoadDriver.Result medianOn = median(on);
        LoadDriver.Result medianOff = median(off);
        double ratio = medianOn.throughput() / medianOff.throughput();
        Report.value("request.connections", connections);
        Report.value("request.shoppers", shoppers);
        Report.value("request.with_sessions_rps", medianOn.throughput(), 0);
        Report.value("request.without_sessions_rps", medianOff.throughput(), 0);
        Report.value("request.session_overhead_ratio", ratio, 3);
        Report.value("request.p50_ms", medianOn.p50Ms(), 2);
        Report.value("request.p99_ms", medianOn.p99Ms(), 2);
        Report.value("request.without_sessions_p99_ms", medianOff.p99Ms(), 2);
        long failures = on.stream().mapToLong(LoadDriver.Result::failures).sum()
            + off.stream().mapToLong(LoadDriver.Result::failures).sum();
        Report.value("request.failures", failures);
        Report.value("request.set_cookie_per_request", medianOn.setCookiesPerRequest(), 3);
        // Client and servers saturate the machine: CPU time per request ~ cores / throughput.
        int cores = Runtime.getRuntime().availableProcessors();
        Report.value("request.session_cpu_us_per_request",
            (1e6 / medianOn.throughput() - 1e6 / medianOff.throughput()) * cores, 1);
        withSessions.close();
        plain.close();
        Report.summary(String.format(
            "request: %,.0f req/s with sessions vs %,.0f without = %.3f (target >= 0.90), p99 %.2f ms with sessions"
                + " (%d connections, %d distinct signed-in shoppers, median of %d alternating %d s windows)",
            medianOn.throughput(), medianOff.throughput(), ratio, medianOn.p99Ms(), connections, shoppers, rounds,
            seconds));
        printProfile(withSessions.jfr, "request.profile.sessions");
        printProfile(plain.jfr, "request.profile.plain");
      }
    }
  }

  static void printProfile(Path jfr, String title) {
    try {
      if (Files.size(jfr) > 0) {
        Path txt = Path.of(jfr.toString().replace(".jfr", ".txt"));
        List<String> lines = JfrSummary.summarize(jfr, n -> n.startsWith("http-nio") || n.startsWith("tomcat"))
            .lines(title, 15);
        Files.write(txt, lines);
        Report.progress("profile written to " + txt);
      }
    } catch (IOException | RuntimeException e) {
      Report.progress("no profile from " + jfr + ": " + e);
    }
  }

  private static LoadDriver.Result median(List<LoadDriver.Result> results) {
    List<LoadDriver.Result> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> Double.compare(a.throughput(), b.throughput()));
    return sorted.get(sorted.size() / 2);
  }

  private static void check(int port, Map<String, String> jar, String expected) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String cookie = jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "; " + b)
        .orElse("");
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/bench/page")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains(expected)) {
      throw new IllegalStateException("the bench page on port " + port + " answered " + response.statusCode()
          + " without '" + expected + "': " + response.headers().map() + "\n"
          + response.body().substring(0, Math.min(300, response.body().length())));
    }
  }

  /** A server JVM of {@code SessionOverheadApp}. */
  static final class Server implements AutoCloseable {
    final Process process;
    final int port;
    final Path jfr;

    private Server(Process process, int port, Path jfr) {
      this.process = process;
      this.port = port;
      this.jfr = jfr;
    }

    static Server start(String mode, Map<String, String> env, Path out) throws IOException, InterruptedException {
      Path log = out.resolve("request-" + mode + ".log");
      Path jfr = out.resolve("request-" + mode + ".jfr").toAbsolutePath();
      Files.deleteIfExists(jfr);
      List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xms512m", "-Xmx512m",
          "-XX:FlightRecorderOptions=stackdepth=256",
          "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr,
          "-cp", System.getProperty("java.class.path"), SessionOverheadApp.class.getName(), mode));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new IllegalStateException("the " + mode + " server exited: see " + log);
        }
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith("bench.port=")) {
            return new Server(p, Integer.parseInt(line.substring("bench.port=".length()).trim()), jfr);
          }
        }
        Thread.sleep(100);
      }
      p.destroyForcibly();
      throw new IllegalStateException("the " + mode + " server did not start in 120 s: see " + log);
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
    }
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static List<String> split(String s) {
    return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
  }
}
