package dev.storefrontsession.benchmarks;

/**
 * Entry point of the load suites of {@code bin/bench} ({@code request}, {@code cache}, {@code
 * memory}, {@code startup}, {@code login}); the {@code codec} suite is JMH ({@link
 * SessionCodecBenchmark}). Each suite prints {@code key=value} lines and a one-line summary on
 * stdout, progress on stderr.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    String suite = args.length == 0 ? "" : args[0];
    dev.storefrontsession.benchmarks.internal.Report.redirectLibraryOutput();
    try {
      switch (suite) {
        case "request" -> RequestBench.run(args);
        case "cache" -> CacheBench.run(args);
        case "memory" -> MemoryBench.run(args);
        case "startup" -> StartupBench.run(args);
        case "login" -> LoginBench.run(args);
        case "jfr" -> JfrSummary.main(java.util.Arrays.copyOfRange(args, 1, args.length));
        default -> {
          System.err.println(
              "usage: Bench request|cache|memory|startup|login [--option value ...]");
          System.exit(2);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
    }
    // Spring contexts and the sandbox leave non-daemon threads; the suite is done.
    System.exit(0);
  }
}
