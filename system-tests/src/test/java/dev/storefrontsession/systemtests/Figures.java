package dev.storefrontsession.systemtests;

import java.util.Locale;

/**
 * Prints the figures a reliability test measured as {@code key=value} lines (picked up by {@code
 * docs/reliability.md}). Never give it a secret or a token.
 */
final class Figures {

  private Figures() {}

  static void print(String key, Object value) {
    String text =
        value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
    System.out.println("FIGURE " + key + "=" + text);
  }
}
