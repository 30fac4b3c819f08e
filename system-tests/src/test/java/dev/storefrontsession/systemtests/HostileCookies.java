package dev.storefrontsession.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates hostile session cookie sets from valid seed tokens: byte and bit flips, truncations,
 * extensions, base64 junk, header swaps, {@code kid} tricks, segment shuffles, cookie-name (salt)
 * swaps, percent-encoding junk, chunk reorderings, drops and duplicates, suffix and prefix tricks,
 * absurd chunk counts and huge values. Every sample differs from its seed; a sample whose joined
 * value equals the seed token is never produced. Not thread-safe: use one instance per thread.
 */
final class HostileCookies {

  /** A valid token and the cookie it belongs in. */
  record Seed(String cookieName, String token) {}

  /**
   * A request's session cookies. {@code original} is the one value that may legitimately be
   * accepted under {@code cookieName} (the seed token, when a chunk-name trick happens to join to
   * it unchanged), or null.
   */
  record Sample(String category, String cookieName, Map<String, String> cookies, String original) {}

  static final String[] CATEGORIES = {
    "byte-flip",
    "bit-flip",
    "truncation",
    "extension",
    "base64-junk",
    "header-swap",
    "kid-trick",
    "segment-shuffle",
    "random-chars",
    "salt-swap",
    "percent-junk",
    "chunk-reorder",
    "chunk-drop-duplicate",
    "chunk-suffix-trick",
    "prefix-collision",
    "absurd-chunk-count",
    "huge-value",
    "expired-valid-mac"
  };

  private static final char[] B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();

  private final List<Seed> seeds;
  private final List<Seed> chunkedSeeds;
  private final List<Seed> singleSeeds;
  private final List<Seed> expired;
  private final List<String> otherNames;
  private final List<String> hostileHeaders;
  private final String[] hugeValues;
  private final boolean httpSafe;

  /**
   * @param seeds valid tokens (some longer than one chunk)
   * @param expired tokens with a valid MAC whose {@code exp} has passed
   * @param otherNames cookie names to move tokens under (salt swap)
   * @param hostileHeaders base64url protected headers to swap in (alg/enc/kid variants)
   * @param httpSafe only produce cookie sets a real HTTP client can send (printable ASCII, no ';'
   *     ',' or space in values, ≤ 64 KiB in total)
   */
  HostileCookies(
      List<Seed> seeds,
      List<Seed> expired,
      List<String> otherNames,
      List<String> hostileHeaders,
      boolean httpSafe) {
    this.seeds = List.copyOf(seeds);
    this.chunkedSeeds = seeds.stream().filter(s -> s.token().length() > 3936).toList();
    this.singleSeeds = seeds.stream().filter(s -> s.token().length() <= 3936).toList();
    this.expired = List.copyOf(expired);
    this.otherNames = List.copyOf(otherNames);
    this.hostileHeaders = List.copyOf(hostileHeaders);
    this.httpSafe = httpSafe;
    this.hugeValues =
        httpSafe
            ? new String[] {"A".repeat(5000), "A".repeat(9000)}
            : new String[] {
              "A".repeat(64 * 1024 + 1), "A".repeat(1 << 20), "x.y.z.w.v".repeat(200_000)
            };
    if (chunkedSeeds.isEmpty()) {
      throw new IllegalArgumentException("need at least one seed longer than a chunk");
    }
  }

  Sample next(SplittableRandom r) {
    for (; ; ) {
      Sample sample = attempt(r, r.nextInt(CATEGORIES.length));
      if (sample != null) {
        return sample;
      }
    }
  }

  Sample next(SplittableRandom r, int category) {
    for (; ; ) {
      Sample sample = attempt(r, category);
      if (sample != null) {
        return sample;
      }
    }
  }

  private Sample attempt(SplittableRandom r, int category) {
    String kind = CATEGORIES[category];
    // Mostly one-cookie seeds (what most shoppers carry); chunk-sized seeds now and then and in the
    // chunk categories.
    Seed seed =
        r.nextInt(10) == 0
            ? seeds.get(r.nextInt(seeds.size()))
            : singleSeeds.get(r.nextInt(singleSeeds.size()));
    String t = seed.token();
    String name = seed.cookieName();
    String mutated;
    switch (kind) {
      case "byte-flip" -> {
        char[] c = t.toCharArray();
        int flips = 1 + r.nextInt(3);
        for (int i = 0; i < flips; i++) {
          int at = r.nextInt(c.length);
          c[at] = r.nextInt(8) == 0 ? '.' : B64[r.nextInt(B64.length)];
        }
        mutated = new String(c);
      }
      case "bit-flip" -> {
        String[] parts = t.split("\\.", -1);
        int segment = new int[] {0, 2, 3, 4}[r.nextInt(4)];
        byte[] bytes = DEC.decode(parts[segment]);
        int bit = r.nextInt(bytes.length * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        parts[segment] = ENC.encodeToString(bytes);
        mutated = String.join(".", parts);
      }
      case "truncation" -> mutated = t.substring(0, r.nextInt(t.length()));
      case "extension" -> {
        int at = r.nextBoolean() ? t.length() : t.indexOf('.', r.nextInt(t.length() / 2));
        if (at < 0) {
          at = t.length();
        }
        mutated = t.substring(0, at) + randomB64(r, 1 + r.nextInt(8)) + t.substring(at);
      }
      case "base64-junk" -> {
        if (r.nextBoolean()) {
          mutated = randomB64(r, 1 + r.nextInt(3000));
        } else {
          StringBuilder b = new StringBuilder();
          int parts = 5;
          for (int i = 0; i < parts; i++) {
            if (i > 0) {
              b.append('.');
            }
            b.append(i == 1 ? "" : randomB64(r, r.nextInt(400)));
          }
          mutated = b.toString();
        }
      }
      case "header-swap" -> {
        String header =
            r.nextInt(4) == 0
                ? seeds.get(r.nextInt(seeds.size())).token().substring(0, t.indexOf('.'))
                : hostileHeaders.get(r.nextInt(hostileHeaders.size()));
        mutated = header + t.substring(t.indexOf('.'));
      }
      case "kid-trick" -> {
        String header =
            new String(DEC.decode(t.substring(0, t.indexOf('.'))), StandardCharsets.UTF_8);
        String kid =
            switch (r.nextInt(8)) {
              case 0 -> "\"\"";
              case 1 -> "null";
              case 2 -> "12345";
              case 3 -> "[\"a\",\"b\"]";
              case 4 -> "\"" + "k".repeat(2000 + r.nextInt(4000)) + "\"";
              case 5 -> "\"../../../../etc/passwd\"";
              case 6 -> "\"" + randomB64(r, 86) + "\"";
              default -> "{\"kid\":\"x\"}";
            };
        String replaced = header.replaceFirst("\"kid\":\"[^\"]*\"", "\"kid\":" + kid);
        if (r.nextInt(4) == 0) {
          replaced =
              replaced.substring(0, replaced.length() - 1)
                  + ",\"kid\":"
                  + kid
                  + "}"; // duplicate member
        }
        mutated =
            ENC.encodeToString(replaced.getBytes(StandardCharsets.UTF_8))
                + t.substring(t.indexOf('.'));
      }
      case "segment-shuffle" -> {
        List<String> parts = new ArrayList<>(List.of(t.split("\\.", -1)));
        switch (r.nextInt(5)) {
          case 0 -> swap(parts, r.nextInt(parts.size()), r.nextInt(parts.size()));
          case 1 -> parts.remove(r.nextInt(parts.size()));
          case 2 -> parts.add(r.nextInt(parts.size() + 1), parts.get(r.nextInt(parts.size())));
          case 3 -> parts.set(1, randomB64(r, 1 + r.nextInt(344)));
          default -> {
            parts.set(2, parts.get(r.nextBoolean() ? 3 : 4));
          }
        }
        mutated = String.join(".", parts);
      }
      case "random-chars" -> {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(2000);
        for (int i = 0; i < n; i++) {
          b.append(httpSafe ? (char) (0x21 + r.nextInt(0x5e)) : (char) r.nextInt(0x3000));
        }
        mutated = b.toString();
      }
      case "salt-swap" -> {
        String other = otherNames.get(r.nextInt(otherNames.size()));
        if (other.equals(name)) {
          return null;
        }
        return single(kind, other, t, null); // a valid token under another cookie name (salt)
      }
      case "percent-junk" -> {
        String junk =
            switch (r.nextInt(5)) {
              case 0 -> "%";
              case 1 -> "%ZZ";
              case 2 -> "%E2%82";
              case 3 -> "%2E";
              default -> "%00";
            };
        int at = r.nextInt(t.length() + 1);
        mutated = t.substring(0, at) + junk + t.substring(at);
      }
      case "chunk-reorder", "chunk-drop-duplicate", "chunk-suffix-trick" -> {
        return chunkSample(r, kind);
      }
      case "prefix-collision" -> {
        Map<String, String> cookies = new LinkedHashMap<>();
        String[] tails = {"-x", "s", "_", ".", ".evil", "\u0000"};
        String tail = tails[r.nextInt(httpSafe ? 5 : tails.length)];
        cookies.put(name + tail, r.nextBoolean() ? t : randomB64(r, 200));
        if (r.nextBoolean()) {
          cookies.put(name + ".0", t.substring(0, t.length() / 2));
        }
        return sample(kind, name, cookies, t);
      }
      case "absurd-chunk-count" -> {
        int count =
            httpSafe ? 17 + r.nextInt(40) : 17 + r.nextInt(r.nextInt(256) == 0 ? 20_000 : 200);
        Map<String, String> cookies = new LinkedHashMap<>();
        int width = httpSafe ? 4 : 1 + r.nextInt(64);
        for (int i = 0; i < count; i++) {
          cookies.put(name + "." + i, randomB64(r, width));
        }
        return sample(kind, name, cookies, t);
      }
      case "huge-value" -> {
        String huge = hugeValues[r.nextInt(hugeValues.length)];
        Map<String, String> cookies = new LinkedHashMap<>();
        if (!httpSafe && r.nextBoolean()) {
          for (int i = 0; i < 16; i++) {
            cookies.put(name + "." + i, huge);
          }
        } else {
          cookies.put(name, huge);
        }
        return sample(kind, name, cookies, t);
      }
      case "expired-valid-mac" -> {
        Seed old = expired.get(r.nextInt(expired.size()));
        return single(kind, old.cookieName(), old.token(), null);
      }
      default -> throw new IllegalStateException(kind);
    }
    if (mutated.equals(t) || mutated.isEmpty()) {
      return null;
    }
    if (httpSafe && !httpSafe(mutated)) {
      return null;
    }
    return single(kind, name, mutated, t);
  }

  private Sample chunkSample(SplittableRandom r, String kind) {
    Seed seed = chunkedSeeds.get(r.nextInt(chunkedSeeds.size()));
    String t = seed.token();
    String name = seed.cookieName();
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < t.length(); i += 3936) {
      chunks.add(t.substring(i, Math.min(t.length(), i + 3936)));
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      names.add(name + "." + i);
    }
    switch (kind) {
      case "chunk-reorder" -> {
        int a = r.nextInt(chunks.size());
        int b = (a + 1 + r.nextInt(chunks.size() - 1)) % chunks.size();
        swap(chunks, a, b);
      }
      case "chunk-drop-duplicate" -> {
        switch (r.nextInt(4)) {
          case 0 -> {
            int drop = r.nextInt(chunks.size());
            chunks.remove(drop);
            names.remove(names.size() - 1);
          }
          case 1 -> {
            chunks.add(chunks.get(r.nextInt(chunks.size())));
            names.add(name + "." + chunks.size());
          }
          case 2 -> {
            chunks.add(0, t.substring(0, 100));
            names.add(0, name); // the plain cookie sorts first
          }
          default -> {
            chunks.add(r.nextInt(chunks.size()), randomB64(r, 1 + r.nextInt(300)));
            names.add(name + "." + chunks.size());
          }
        }
      }
      default -> { // suffix tricks: names whose numeric parse reorders or collides
        String[] suffixes = {
          ".01", ".-1", ".1e3", ". 1", ".99999999999999999999", ".00", ".0x1", ".+1", ".1.0"
        };
        int victim = r.nextInt(names.size());
        String suffix = suffixes[r.nextInt(httpSafe ? 3 : suffixes.length)];
        if ((name + suffix).equals(names.get(victim))) {
          return null;
        }
        names.set(victim, name + suffix);
      }
    }
    Map<String, String> cookies = new LinkedHashMap<>();
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < chunks.size(); i++) {
      if (cookies.put(names.get(i), chunks.get(i)) != null) {
        return null;
      }
      joined.append(chunks.get(i));
    }
    if (joined.toString().equals(t) && !kind.equals("chunk-suffix-trick")) {
      return null;
    }
    return sample(kind, name, cookies, t);
  }

  private Sample single(String kind, String name, String value, String original) {
    Map<String, String> cookies = new LinkedHashMap<>();
    cookies.put(name, value);
    return sample(kind, name, cookies, original);
  }

  private Sample sample(String kind, String name, Map<String, String> cookies, String original) {
    if (httpSafe) {
      int total = 0;
      for (Map.Entry<String, String> e : cookies.entrySet()) {
        if (!httpSafe(e.getValue()) || !httpSafe(e.getKey())) {
          return null;
        }
        total += e.getKey().length() + e.getValue().length() + 2;
      }
      if (total > 64 * 1024) {
        return null;
      }
    }
    return new Sample(kind, name, cookies, original);
  }

  private static boolean httpSafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ';' || c == ',' || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static String randomB64(SplittableRandom r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = B64[r.nextInt(B64.length)];
    }
    return new String(c);
  }

  private static <T> void swap(List<T> list, int a, int b) {
    T x = list.get(a);
    list.set(a, list.get(b));
    list.set(b, x);
  }
}
