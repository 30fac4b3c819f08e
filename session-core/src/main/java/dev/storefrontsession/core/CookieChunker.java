package dev.storefrontsession.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a session token over several cookies and joins them back, exactly as Auth.js's {@code
 * SessionStore}: a value longer than {@link #CHUNK_SIZE} characters is written as {@code name.0},
 * {@code name.1}, …; reading collects every request cookie whose name <em>starts with</em> the
 * session cookie name and has a non-empty value, ordered by numeric suffix. Writing first deletes
 * every such cookie of the request and then sets the new ones, so stale chunks disappear. Unlike
 * Auth.js, reading refuses more than {@link #MAX_CHUNKS} cookies or more than {@link
 * #MAX_TOTAL_LENGTH} characters; names that are not valid cookie names ({@link
 * CookieNames#isValid}, e.g. {@code authjs.session-token[0]}) are ignored, as they could never be
 * deleted; and one response deletes at most {@link #MAX_DELETIONS} parts. Stateless and
 * thread-safe.
 */
public final class CookieChunker {

  /**
   * Characters of value per cookie: 4096 allowed minus 160 estimated for name and attributes
   * (Auth.js).
   */
  public static final int CHUNK_SIZE = 3936;

  /** More matching cookies than this are refused as malformed. */
  public static final int MAX_CHUNKS = 16;

  /** A longer joined value is refused as malformed (64 KiB). */
  public static final int MAX_TOTAL_LENGTH = 64 * 1024;

  /**
   * At most this many parts are deleted by one response (the first ones, in request order): a
   * request with thousands of matching cookies must not get a response whose headers outgrow the
   * container's limit. Later requests delete the rest; a browser keeps far fewer cookies per site
   * anyway.
   */
  public static final int MAX_DELETIONS = 2 * MAX_CHUNKS;

  private CookieChunker() {}

  /** The outcome of {@link #read}: nothing, the joined value, or a refusal. */
  public sealed interface ReadResult {
    /** No non-empty cookie with the name. */
    record Missing() implements ReadResult {}

    /** The joined, URL-decoded value. */
    record Found(String value) implements ReadResult {
      public Found {
        Objects.requireNonNull(value, "value");
      }

      @Override
      public String toString() {
        return "Found[value=<redacted>]";
      }
    }

    /** Too many or too large cookies. */
    record Refused(RejectionReason reason) implements ReadResult {}
  }

  /**
   * Joins the session cookie from the request's cookies.
   *
   * @param cookieName the session cookie name (e.g. {@code __Secure-authjs.session-token})
   * @param requestCookies request cookies by name, values raw or already decoded ({@code %} values
   *     are decoded)
   */
  public static ReadResult read(String cookieName, Map<String, String> requestCookies) {
    List<Map.Entry<String, String>> parts = collect(cookieName, requestCookies);
    if (parts.isEmpty()) {
      return new ReadResult.Missing();
    }
    if (parts.size() > MAX_CHUNKS) {
      return new ReadResult.Refused(RejectionReason.MALFORMED);
    }
    long total = 0;
    for (Map.Entry<String, String> part : parts) {
      total += part.getValue().length();
    }
    if (total > MAX_TOTAL_LENGTH) {
      return new ReadResult.Refused(RejectionReason.MALFORMED);
    }
    if (parts.size() == 1) {
      return new ReadResult.Found(
          CookieValues.decode(parts.get(0).getValue())); // the usual, unchunked session
    }
    // Stable sort by numeric suffix; names without one (the plain name) keep request order, first.
    parts.sort((a, b) -> Long.compare(suffix(a.getKey()), suffix(b.getKey())));
    StringBuilder joined = new StringBuilder((int) total);
    for (Map.Entry<String, String> part : parts) {
      joined.append(CookieValues.decode(part.getValue()));
    }
    return new ReadResult.Found(joined.toString());
  }

  /** The names of the request cookies Auth.js would treat as parts of the session cookie. */
  public static List<String> presentNames(String cookieName, Map<String, String> requestCookies) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> part : collect(cookieName, requestCookies)) {
      names.add(part.getKey());
    }
    return names;
  }

  private static List<Map.Entry<String, String>> collect(
      String cookieName, Map<String, String> requestCookies) {
    List<Map.Entry<String, String>> parts = new ArrayList<>();
    for (Map.Entry<String, String> cookie : requestCookies.entrySet()) {
      String value = cookie.getValue();
      String name = cookie.getKey();
      if (name != null
          && name.startsWith(cookieName)
          && value != null
          && !value.isEmpty()
          && CookieNames.isValid(name)) {
        parts.add(Map.entry(name, value));
      }
    }
    return parts;
  }

  /**
   * JavaScript's {@code parseInt(name.split(".").pop())}: leading decimal digits, else -1 (NaN).
   */
  private static long suffix(String name) {
    String last = name.substring(name.lastIndexOf('.') + 1).strip();
    int end = 0;
    while (end < last.length()
        && end < 18
        && Character.isDigit(last.charAt(end))
        && last.charAt(end) < 128) {
      end++;
    }
    return end == 0 ? -1 : Long.parseLong(last.substring(0, end));
  }

  /**
   * The Set-Cookie headers that store {@code value} under {@code cookieName}: deletions ({@code
   * Max-Age=0}) for every part present in the request, then the new cookie(s) replacing deletions
   * of the same name, in Auth.js's order.
   *
   * @param attributes attributes of the new cookies (Auth.js: its defaults plus {@code Expires})
   */
  public static List<SetCookie> write(
      String cookieName,
      String value,
      CookieAttributes attributes,
      Map<String, String> requestCookies) {
    Map<String, SetCookie> cookies = deletions(cookieName, attributes, requestCookies);
    int chunkCount = (value.length() + CHUNK_SIZE - 1) / CHUNK_SIZE;
    if (chunkCount == 1) {
      cookies.put(cookieName, new SetCookie(cookieName, value, attributes));
    } else {
      for (int i = 0; i < chunkCount; i++) {
        String name = cookieName + "." + i;
        String chunk =
            value.substring(i * CHUNK_SIZE, Math.min(value.length(), (i + 1) * CHUNK_SIZE));
        cookies.put(name, new SetCookie(name, chunk, attributes));
      }
    }
    return List.copyOf(cookies.values());
  }

  /**
   * Deletions ({@code Max-Age=0}) for every part of the session cookie present in the request
   * (Auth.js's clean()).
   */
  public static List<SetCookie> clear(
      String cookieName, CookieAttributes attributes, Map<String, String> requestCookies) {
    return List.copyOf(deletions(cookieName, attributes, requestCookies).values());
  }

  private static Map<String, SetCookie> deletions(
      String cookieName, CookieAttributes attributes, Map<String, String> requestCookies) {
    Map<String, SetCookie> cookies = new LinkedHashMap<>();
    CookieAttributes deletion = attributes.forDeletion();
    for (Map.Entry<String, String> part : collect(cookieName, requestCookies)) {
      if (cookies.size() == MAX_DELETIONS) {
        break;
      }
      cookies.put(part.getKey(), new SetCookie(part.getKey(), "", deletion));
    }
    return cookies;
  }
}
