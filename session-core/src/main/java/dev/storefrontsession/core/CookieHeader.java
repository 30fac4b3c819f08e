package dev.storefrontsession.core;

import java.util.Map;

/**
 * Reads a request's {@code Cookie} header into names and raw values, as the servers Auth.js runs on
 * read it: pairs separated by {@code ;}, name and value split at the first {@code =}, whitespace
 * around both trimmed, pairs without {@code =} or with an empty name skipped, the first of two
 * cookies of the same name kept. Values stay raw (not percent-decoded, quotes kept): {@link
 * CookieChunker} and {@link CsrfToken} decode what they read, as Auth.js does. Stateless and
 * thread-safe.
 *
 * <p>A session layer that reads only its own three cookies does not need a servlet container's full
 * RFC 6265 parse with a charset decoder per value (a twentieth of the session layer's CPU and 4.6
 * KB per request in {@code bin/bench request}); every value read here is then verified
 * cryptographically anyway.
 */
public final class CookieHeader {

  private CookieHeader() {}

  /**
   * Adds the cookies of one {@code Cookie} header to {@code into} (names already present keep their
   * value).
   */
  public static void parseInto(String header, Map<String, String> into) {
    if (header == null) {
      return;
    }
    int n = header.length();
    int start = 0;
    while (start < n) {
      int end = header.indexOf(';', start);
      if (end < 0) {
        end = n;
      }
      int eq = header.indexOf('=', start);
      if (eq >= 0 && eq < end) {
        int nameStart = skipWhitespace(header, start, eq);
        int nameEnd = trimEnd(header, nameStart, eq);
        if (nameEnd > nameStart) {
          int valueStart = skipWhitespace(header, eq + 1, end);
          int valueEnd = trimEnd(header, valueStart, end);
          into.putIfAbsent(
              header.substring(nameStart, nameEnd), header.substring(valueStart, valueEnd));
        }
      }
      start = end + 1;
    }
  }

  private static int skipWhitespace(String s, int from, int to) {
    while (from < to && isWhitespace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int trimEnd(String s, int from, int to) {
    while (to > from && isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }
}
