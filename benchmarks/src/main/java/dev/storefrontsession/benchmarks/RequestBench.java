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
 * {@code bin/bench request}: throughput of the same pages of {@code SessionOverheadApp} with and
 * without the session layer, under a closed-loop load of distinct signed-in shoppers (cookies in
 * Catalyst's shape with real CATs). The headline ratio is on a guest-cached catalog page ({@code
 * GET /bench/catalog}, Thymeleaf, the storefront's home query from the client cache, header from
 * {@code auth()}); the bare page ({@code GET /bench/page}: {@code auth()} and a fixed 2 KB of HTML)
 * shows the layer's cost against almost nothing.
 *
 * <p>Both servers run at once in their own JVMs (same flags); each is warmed until its throughput
 * is steady, then JFR records both while measurement windows alternate between them (plain,
 * sessions, sessions, plain, ...). A ratio is the median over rounds of (throughput with sessions ÷
 * without) measured in back-to-back windows, so a change in the machine's load between rounds does
 * not tilt it; throughputs and latencies are medians over rounds. The number of rounds is even so
 * that each server goes first equally often; on this shared 2-core machine single pairs range over
 * ±10 %, so the default takes eight short pairs rather than five long ones.
 */
public final class RequestBench {

  static final String SECRET = "request-bench-secret-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

  private RequestBench() {}

  public static void run(String[] argv) throws Exception {
    Args args = new Args(argv, 1);
    int connections = args.integer("connections", 8);
    int shoppers = args.integer("shoppers", 1000);
    int warmup = args.integer("warmup", 30);
    int seconds = args.integer("seconds", 4);
    int rounds = args.integer("rounds", 8);
    Path out = Path.of(args.text("out", "benchmarks/target/bench"));
    Files.createDirectories(out);

    Report.progress(
        "request: sandbox (in memory) and " + Math.min(8, shoppers) + " real logins for CATs");
    try (SandboxServer sandbox =
        SandboxServer.start(SandboxSettings.builder().port(0).inMemoryDatabase().build())) {
      SandboxSettings s = sandbox.settings();
      SignedInShoppers signedIn =
          SignedInShoppers.login(
              SECRET, sandbox.graphqlEndpoint(), s.storefrontToken(), Math.min(8, shoppers));
      List<Map<String, String>> jars = signedIn.jars(shoppers);
      Map<String, String> env =
          Map.of(
              "AUTH_SECRET",
              SECRET,
              "BIGCOMMERCE_GRAPHQL_ENDPOINT",
              sandbox.graphqlEndpoint().toString(),
              "BIGCOMMERCE_STORE_HASH",
              s.storeHash(),
              "BIGCOMMERCE_STOREFRONT_TOKEN",
              s.storefrontToken());

      Report.progress("request: starting both servers (sessions, plain)");
      try (Server withSessions = Server.start("sessions", env, out);
          Server plain = Server.start("plain", env, out)) {
        check(
            withSessions.port,
            "/bench/catalog",
            jars.get(0),
            "Hi, <a href=\"/account\">Shopper</a>");
        check(plain.port, "/bench/catalog", jars.get(0), "Sign in");
        check(withSessions.port, "/bench/page", jars.get(0), "Hi, Shopper");
        check(plain.port, "/bench/page", jars.get(0), "Sign in");
        LoadDriver.Plan catalog =
            new LoadDriver.Plan(connections, shoppers, i -> "/bench/catalog", jars::get);
        LoadDriver.Plan bare =
            new LoadDriver.Plan(connections, shoppers, i -> "/bench/page", jars::get);
        Report.progress(
            "request: warm-up of each server until its throughput is steady (at least "
                + warmup
                + " s), "
                + connections
                + " connections, "
                + shoppers
                + " shoppers");
        warmUp("plain", plain, List.of(catalog, bare), warmup);
        warmUp("sessions", withSessions, List.of(catalog, bare), warmup);
        withSessions.startRecording();
        plain.startRecording();

        Map<String, List<LoadDriver.Result>> results = new java.util.HashMap<>();
        // Each pair of windows (plain and sessions back to back) gives a ratio; the median of those
        // is robust to the
        // machine's load drifting between rounds.
        Map<String, List<Double>> pairRatios = new java.util.HashMap<>();
        // Server CPU per request, with sessions minus without, in the same pairs: the session
        // layer's cost measured
        // at the servers (the load driver's own CPU, the same for both, is not in it).
        Map<String, List<Double>> pairCpuDifference = new java.util.HashMap<>();
        for (int r = 0; r < rounds; r++) {
          for (String page : List.of("catalog", "bare")) {
            boolean sessionsFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
              boolean sessions = sessionsFirst == (k == 0);
              Server target = sessions ? withSessions : plain;
              LoadDriver.Result result =
                  new LoadDriver("127.0.0.1", target.port)
                      .timed(
                          page.equals("catalog") ? catalog : bare,
                          Duration.ofSeconds(1),
                          Duration.ofSeconds(seconds),
                          target.process.toHandle());
              Report.progress(
                  String.format(
                      "request: round %d %-7s %-8s: %s",
                      r + 1, page, sessions ? "sessions" : "plain", result.summary()));
              results
                  .computeIfAbsent(page + (sessions ? ".on" : ".off"), x -> new ArrayList<>())
                  .add(result);
            }
            List<LoadDriver.Result> pageOn = results.get(page + ".on");
            List<LoadDriver.Result> pageOff = results.get(page + ".off");
            LoadDriver.Result lastOn = pageOn.get(pageOn.size() - 1);
            LoadDriver.Result lastOff = pageOff.get(pageOff.size() - 1);
            pairRatios
                .computeIfAbsent(page, x -> new ArrayList<>())
                .add(lastOn.throughput() / lastOff.throughput());
            pairCpuDifference
                .computeIfAbsent(page, x -> new ArrayList<>())
                .add(lastOn.serverCpuMicrosPerRequest() - lastOff.serverCpuMicrosPerRequest());
          }
        }
        withSessions.dumpRecording();
        plain.dumpRecording();
        LoadDriver.Result on = median(results.get("catalog.on"));
        LoadDriver.Result off = median(results.get("catalog.off"));
        LoadDriver.Result bareOn = median(results.get("bare.on"));
        LoadDriver.Result bareOff = median(results.get("bare.off"));
        double ratio = medianOf(pairRatios.get("catalog"));
        double bareRatio = medianOf(pairRatios.get("bare"));
        long failures =
            results.values().stream()
                .flatMap(List::stream)
                .mapToLong(LoadDriver.Result::failures)
                .sum();
        Report.value("request.connections", connections);
        Report.value("request.shoppers", shoppers);
        Report.value("request.page", "/bench/catalog");
        Report.value("request.with_sessions_rps", on.throughput(), 0);
        Report.value("request.without_sessions_rps", off.throughput(), 0);
        Report.value("request.session_overhead_ratio", ratio, 3);
        Report.value("request.p50_ms", on.p50Ms(), 2);
        Report.value("request.p99_ms", on.p99Ms(), 2);
        Report.value("request.without_sessions_p99_ms", off.p99Ms(), 2);
        Report.value("request.bare_page.with_sessions_rps", bareOn.throughput(), 0);
        Report.value("request.bare_page.without_sessions_rps", bareOff.throughput(), 0);
        Report.value("request.bare_page.session_overhead_ratio", bareRatio, 3);
        Report.value("request.bare_page.p99_ms", bareOn.p99Ms(), 2);
        Report.value(
            "request.server_cpu_us_per_request.with_sessions",
            medianOf(
                results.get("catalog.on").stream()
                    .map(LoadDriver.Result::serverCpuMicrosPerRequest)
                    .toList()),
            1);
        Report.value(
            "request.server_cpu_us_per_request.without_sessions",
            medianOf(
                results.get("catalog.off").stream()
                    .map(LoadDriver.Result::serverCpuMicrosPerRequest)
                    .toList()),
            1);
        Report.value(
            "request.bare_page.server_cpu_us_per_request.with_sessions",
            medianOf(
                results.get("bare.on").stream()
                    .map(LoadDriver.Result::serverCpuMicrosPerRequest)
                    .toList()),
            1);
        Report.value(
            "request.bare_page.server_cpu_us_per_request.without_sessions",
            medianOf(
                results.get("bare.off").stream()
                    .map(LoadDriver.Result::serverCpuMicrosPerRequest)
                    .toList()),
            1);
        Report.value(
            "request.session_cpu_us_per_request", medianOf(pairCpuDifference.get("bare")), 1);
        Report.value("request.set_cookie_per_request", on.setCookiesPerRequest(), 3);
        Report.value("request.failures", failures);
        Report.summary(
            String.format(
                "request: guest-cached catalog page %,.0f req/s with sessions vs %,.0f without = %.3f (target >= 0.90),"
                    + " p99 %.2f ms with sessions; bare page %,.0f vs %,.0f = %.3f (%d connections, %d distinct signed-in"
                    + " shoppers; ratios: median over %d back-to-back pairs of %d s windows)",
                on.throughput(),
                off.throughput(),
                ratio,
                on.p99Ms(),
                bareOn.throughput(),
                bareOff.throughput(),
                bareRatio,
                connections,
                shoppers,
                rounds,
                seconds));
        Report.progress(
            "request: catalog pair ratios, sorted: "
                + sorted(pairRatios.get("catalog"))
                + "; bare page: "
                + sorted(pairRatios.get("bare")));
        printProfile(withSessions.jfr, "request.profile.sessions");
        printProfile(plain.jfr, "request.profile.plain");
      }
    }
  }

  /**
   * Loads {@code server} with each page in turn, 4 s windows, until every page's throughput is
   * within 4 % of its previous window (at least {@code minSeconds}, at most 120 s): the session
   * path has many more methods for the JIT to compile than the plain one, a second page changes the
   * profiles the first was compiled with, and on a busy 2-core machine C2 takes minutes. Warming
   * one page only left the other server compiling through the first rounds.
   */
  private static void warmUp(
      String name, Server server, List<LoadDriver.Plan> plans, int minSeconds)
      throws InterruptedException {
    LoadDriver driver = new LoadDriver("127.0.0.1", server.port);
    long start = System.nanoTime();
    double[] previous = new double[plans.size()];
    while (true) {
      boolean steady = true;
      StringBuilder rates = new StringBuilder();
      for (int i = 0; i < plans.size(); i++) {
        double rps = driver.timed(plans.get(i), Duration.ZERO, Duration.ofSeconds(4)).throughput();
        steady &= previous[i] > 0 && Math.abs(rps - previous[i]) / previous[i] < 0.04;
        previous[i] = rps;
        rates.append(String.format("%s%,.0f", i == 0 ? "" : " / ", rps));
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      if ((steady && elapsed >= minSeconds) || elapsed >= 120) {
        Report.progress(
            String.format(
                "request: %s warm after %.0f s (%s req/s)%s",
                name, elapsed, rates, steady ? "" : ", not steady yet: stopped at the time limit"));
        return;
      }
    }
  }

  static void printProfile(Path jfr, String title) {
    try {
      if (Files.size(jfr) > 0) {
        Path txt = Path.of(jfr.toString().replace(".jfr", ".txt"));
        List<String> lines =
            JfrSummary.summarize(jfr, n -> n.startsWith("http-nio") || n.startsWith("tomcat"))
                .lines(title, 15);
        Files.write(txt, lines);
        Report.progress("profile written to " + txt);
      }
    } catch (IOException | RuntimeException e) {
      Report.progress("no profile from " + jfr + ": " + e);
    }
  }

  private static String sorted(List<Double> values) {
    return values.stream().sorted().map(v -> String.format("%.3f", v)).toList().toString();
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static LoadDriver.Result median(List<LoadDriver.Result> results) {
    List<LoadDriver.Result> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> Double.compare(a.throughput(), b.throughput()));
    return sorted.get(sorted.size() / 2);
  }

  private static void check(int port, String path, Map<String, String> jar, String expected)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String cookie =
        jar.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains(expected)) {
      throw new IllegalStateException(
          "the bench page "
              + path
              + " on port "
              + port
              + " answered "
              + response.statusCode()
              + " without '"
              + expected
              + "': "
              + response.headers().map()
              + "\n"
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

    static Server start(String mode, Map<String, String> env, Path out)
        throws IOException, InterruptedException {
      Path log = out.resolve("request-" + mode + ".log");
      Path jfr = out.resolve("request-" + mode + ".jfr").toAbsolutePath();
      Files.deleteIfExists(jfr);
      // JFR records from launch: starting a recording later retransforms the JDK's I/O classes for
      // its events and
      // throws away the compiled code that inlined them, which measured as a 2-5x drop in
      // throughput for minutes.
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  javaBin(),
                  "-Xms512m",
                  "-Xmx512m",
                  "-XX:FlightRecorderOptions=stackdepth=256",
                  "-XX:StartFlightRecording=name=bench,settings=profile,maxage=30m"));
      // BENCH_SERVER_OPTS: extra JVM options for both servers (e.g. -Dsome.setting=value to
      // measure a setting), quoted beside any figure taken with them.
      cmd.addAll(split(System.getenv().getOrDefault("BENCH_SERVER_OPTS", "")));
      cmd.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              SessionOverheadApp.class.getName(),
              mode));
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new IllegalStateException("the " + mode + " server exited: see " + log);
        }
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith("bench.port=")) {
            return new Server(
                p, Integer.parseInt(line.substring("bench.port=".length()).trim()), jfr);
          }
        }
        Thread.sleep(100);
      }
      p.destroyForcibly();
      throw new IllegalStateException("the " + mode + " server did not start in 120 s: see " + log);
    }

    private long measuredFrom;

    /**
     * Marks the start of the part of the recording (running since launch) that {@link
     * #dumpRecording} keeps.
     */
    void startRecording() {
      measuredFrom = System.nanoTime();
    }

    /** Writes the recording since {@link #startRecording} to {@link #jfr} and stops it. */
    void dumpRecording() throws IOException, InterruptedException {
      long seconds = Math.max(1, (System.nanoTime() - measuredFrom) / 1_000_000_000L);
      jcmd("JFR.dump", "name=bench", "begin=-" + seconds + "s", "filename=" + jfr);
      jcmd("JFR.stop", "name=bench");
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(process.pid())));
      cmd.addAll(List.of(command));
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
        Report.progress("jcmd " + String.join(" ", command) + " failed");
      }
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
          }
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
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
