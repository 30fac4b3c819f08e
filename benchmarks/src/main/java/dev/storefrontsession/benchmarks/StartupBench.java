package dev.storefrontsession.benchmarks;

import dev.storefrontsession.benchmarks.internal.Args;
import dev.storefrontsession.benchmarks.internal.Report;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bin/bench startup}: launches the storefront with the README's run command, {@code
 * bin/storefront --port N --data <fresh dir>} (embedded sandbox, new H2 file database), and times
 * process start to the first 200 on {@code GET /}. One untimed launch first lets {@code
 * bin/storefront} do its once-per-build work (extracting the jar, the class-data archive); then the
 * median of {@code runs}. {@code --launcher jar} times {@code java $JAVA_OPTS -jar storefront.jar}
 * instead (the fat jar, no archive). With {@code --profile true} one more run is recorded with JFR
 * (through {@code JAVA_OPTS}) and summarised.
 */
public final class StartupBench {

  private StartupBench() {}

  public static void run(String[] argv) throws Exception {
    Args args = new Args(argv, 1);
    Path jar = Path.of(args.text("jar", "storefront/target/storefront-0.1.0-SNAPSHOT-dev.jar"));
    String launcher = args.text("launcher", "bin");
    if (!launcher.equals("bin") && !launcher.equals("jar")) {
      throw new IllegalArgumentException(
          "--launcher must be bin (bin/storefront) or jar (java -jar), was " + launcher);
    }
    Path script = Path.of(args.text("script", "bin/storefront")).toAbsolutePath();
    String javaOpts = args.text("java-opts", "-XX:TieredStopAtLevel=1");
    int runs = args.integer("runs", 3);
    boolean profile = Boolean.parseBoolean(args.text("profile", "true"));
    Path out = Path.of(args.text("out", "benchmarks/target/bench"));
    Files.createDirectories(out);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "no storefront jar at "
              + jar
              + " (build it: ./mvnw -pl storefront -am package -DskipTests)");
    }
    Launch how =
        launcher.equals("bin")
            ? new Launch(script, null, javaOpts)
            : new Launch(null, jar, javaOpts);
    if (launcher.equals("bin")) {
      double[] first = launch(how, out, null);
      Report.progress(
          String.format(
              "startup: untimed first launch of bin/storefront (prepares its run folder and "
                  + "class-data archive when the jar is new): %.2f s",
              first[0]));
    }
    List<Double> seconds = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      double[] r = launch(how, out, null);
      Report.progress(
          String.format(
              "startup: run %d: %.2f s to the first 200 on / (%.2f s of CPU)", i + 1, r[0], r[1]));
      seconds.add(r[0]);
      cpu.add(r[1]);
    }
    List<Double> sortedCpu = new ArrayList<>(cpu);
    sortedCpu.sort(Comparator.naturalOrder());
    List<Double> sorted = new ArrayList<>(seconds);
    sorted.sort(Comparator.naturalOrder());
    double median = sorted.get(sorted.size() / 2);
    if (profile) {
      Path jfr = out.resolve("startup.jfr").toAbsolutePath();
      Files.deleteIfExists(jfr);
      double s = launch(how, out, jfr)[0];
      Report.progress(String.format("startup: profiled run: %.2f s", s));
      try {
        List<String> lines =
            new ArrayList<>(
                JfrSummary.summarize(jfr, n -> true)
                    .lines("startup.profile (JFR run, " + String.format("%.2f s", s) + ")", 20));
        Map<String, List<String>> phases = new LinkedHashMap<>();
        phases.put(
            "embedded sandbox start (SandboxServer.start)",
            List.of("dev.storefrontsession.sandbox.SandboxServer.start"));
        phases.put("sandbox Flyway migrations", List.of("org.flywaydb."));
        phases.put(
            "sandbox demo data / bcrypt", List.of("org.springframework.security.crypto.bcrypt."));
        phases.put(
            "storefront context refresh",
            List.of(
                "org.springframework.context.support.AbstractApplicationContext.refresh",
                "!dev.storefrontsession.sandbox."));
        phases.put(
            "request threads (first GET /, lazy beans, templates)", List.of("thread:http-nio"));
        phases.put(
            "class loading (ClassLoader.loadClass)", List.of("java.lang.ClassLoader.loadClass"));
        lines.addAll(JfrSummary.phases(jfr, phases));
        Files.write(out.resolve("startup.txt"), lines);
      } catch (IOException | RuntimeException e) {
        Report.progress("startup: no profile: " + e);
      }
    }
    Report.value(
        "startup.launcher",
        launcher.equals("bin") ? "bin/storefront" : "java -jar " + jar.getFileName());
    Report.value("startup.java_opts", javaOpts);
    Report.value(
        "startup.runs",
        seconds.stream().map(d -> String.format("%.2f", d)).toList().toString().replace(" ", ""));
    Report.value("startup.seconds", median, 2);
    Report.value("startup.cpu_seconds", sortedCpu.get(sortedCpu.size() / 2), 2);
    Report.summary(
        String.format(
            "startup: %.2f s from launching %s to the first 200 on / with the embedded sandbox "
                + "and a fresh data dir (median of %d, target <= 5 s; %.2f s of CPU on %d cores)",
            median,
            launcher.equals("bin") ? "bin/storefront" : "the jar",
            runs,
            sortedCpu.get(sortedCpu.size() / 2),
            Runtime.getRuntime().availableProcessors()));
  }

  /**
   * How to launch: the {@code bin/storefront} script (with {@code JAVA_OPTS}) or {@code java -jar}.
   */
  record Launch(Path script, Path jar, String javaOpts) {}

  /**
   * Seconds from process start to the first 200 on {@code /}, and the CPU seconds the process used
   * until then.
   */
  static double[] launch(Launch how, Path out, Path jfr) throws Exception {
    Path data = Files.createTempDirectory("bench-startup-");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> javaOpts = new ArrayList<>(RequestBench.split(how.javaOpts()));
    if (jfr != null) {
      javaOpts.add("-XX:FlightRecorderOptions=stackdepth=256");
      javaOpts.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr);
    }
    List<String> cmd = new ArrayList<>();
    if (how.script() != null) {
      // bin/storefront execs java in the same process, so the CPU time read below is the JVM's.
      cmd.addAll(
          List.of(
              how.script().toString(),
              "--port",
              String.valueOf(port),
              "--data",
              data.resolve("sandbox").toString()));
    } else {
      cmd.add(RequestBench.javaBin());
      cmd.addAll(javaOpts);
      cmd.addAll(
          List.of(
              "-jar",
              how.jar().toString(),
              "--server.port=" + port,
              "--storefront.sandbox.data-dir=" + data.resolve("sandbox")));
    }
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(
                out.resolve("startup-" + (jfr == null ? "run" : "profiled") + ".log").toFile());
    pb.environment().put("AUTH_SECRET", "startup-bench-secret-3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d");
    pb.environment().keySet().removeIf(k -> k.startsWith("BIGCOMMERCE_"));
    pb.environment().put("JAVA_OPTS", String.join(" ", javaOpts));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest home =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .timeout(Duration.ofSeconds(10))
            .build();
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      while (System.nanoTime() - t0 < Duration.ofSeconds(120).toNanos()) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "the storefront exited with " + p.exitValue() + " during start-up");
        }
        try {
          HttpResponse<Void> r = http.send(home, HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200) {
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds =
                p.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
            return new double[] {wall, cpuSeconds};
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("the storefront did not answer 200 on / within 120 s");
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
