package dev.storefrontsession.benchmarks.internal;

import java.util.Locale;

/**
 * Output of a suite: {@code key=value} lines on stdout (for scripts), progress and summaries on
 * stderr/stdout.
 */
public final class Report {

  /**
   * The real stdout: {@link #redirectLibraryOutput()} sends everything else (library logs) to
   * stderr.
   */
  private static final java.io.PrintStream OUT = System.out;

  private Report() {}

  /** Keeps stdout for the figures: logs that libraries print to {@code System.out} go to stderr. */
  public static void redirectLibraryOutput() {
    System.setOut(System.err);
  }

  public static void value(String key, Object value) {
    String text =
        value instanceof Double d
            ? String.format(Locale.ROOT, "%.3f", d)
            : value instanceof Float f
                ? String.format(Locale.ROOT, "%.3f", f)
                : String.valueOf(value);
    OUT.println(key + "=" + text);
    OUT.flush();
  }

  public static void value(String key, double value, int decimals) {
    OUT.println(key + "=" + String.format(Locale.ROOT, "%." + decimals + "f", value));
    OUT.flush();
  }

  /** The human summary line of a suite (stdout, after its values). */
  public static void summary(String text) {
    OUT.println(text);
    OUT.flush();
  }

  /** Progress for the person waiting (stderr). */
  public static void progress(String text) {
    System.err.println("bench: " + text);
    System.err.flush();
  }
}
