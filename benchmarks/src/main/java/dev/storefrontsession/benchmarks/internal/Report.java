package dev.storefrontsession.benchmarks.internal;

import java.util.Locale;

/** Output of a suite: {@code key=value} lines on stdout (for scripts), progress and summaries on stderr/stdout. */
public final class Report {

  private Report() {
  }

  public static void value(String key, Object value) {
    String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d)
        : value instanceof Float f ? String.format(Locale.ROOT, "%.3f", f) : String.valueOf(value);
    System.out.println(key + "=" + text);
    System.out.flush();
  }

  public static void value(String key, double value, int decimals) {
    System.out.println(key + "=" + String.format(Locale.ROOT, "%." + decimals + "f", value));
    System.out.flush();
  }

  /** The human summary line of a suite (stdout, after its values). */
  public static void summary(String text) {
    System.out.println(text);
    System.out.flush();
  }

  /** Progress for the person waiting (stderr). */
  public static void progress(String text) {
    System.err.println("bench: " + text);
    System.err.flush();
  }
}
