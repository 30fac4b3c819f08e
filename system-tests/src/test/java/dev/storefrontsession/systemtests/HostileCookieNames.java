package dev.storefrontsession.systemtests;

import dev.storefrontsession.core.CookieNames;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates {@code Cookie} headers whose cookie <em>names</em> are hostile: any character inside or
 * after a cookie name (every byte value on the wire), every prefix of the cookie names, chunk
 * suffixes that parse oddly ({@code .01}, {@code .-1}, {@code .1e3}, {@code [0]}, {@code
 * .999999999999}, …), duplicated names, and thousands of cookies. Whole headers, not maps, so
 * duplicates and separators reach the parser as a browser would send them. Not thread-safe: one
 * instance per thread.
 */
final class HostileCookieNames {

  /**
   * One request's Cookie header; {@code original} is the only value that may legitimately be
   * accepted, or null.
   */
  record Sample(String family, String header, String original) {}

  static final String[] FAMILIES = {
    "char-in-name", "name-prefix", "chunk-suffix", "duplicate-name", "many-cookies"
  };

  /** The cookie names the session layer reads, plain and prefixed. */
  static final List<String> COOKIE_NAMES =
      List.of(
          CookieNames.sessionToken(false), CookieNames.sessionToken(true),
          CookieNames.anonymousSessionToken(false), CookieNames.anonymousSessionToken(true),
          CookieNames.csrfToken(false), CookieNames.csrfToken(true));

  static final String[] CHUNK_SUFFIXES = {
    ".01",
    ".-1",
    ".1e3",
    "[0]",
    ".999999999999",
    ".99999999999999999999",
    ". 1",
    ".0x1",
    ".+1",
    ".1.0",
    ".",
    "..0",
    ".0.",
    ".\u0660",
    ".1\u0000",
    "(0)",
    ".0 ",
    "\t.0",
    ".00000000000000000001"
  };

  private static final char[] B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  private final List<HostileCookies.Seed> seeds;
  private final List<HostileCookies.Seed> chunkedSeeds;
  private final boolean wire;
  private final int maxCookies;

  /**
   * @param seeds valid tokens and their cookie names (some longer than one chunk)
   * @param wire characters are bytes (U+0000…U+00FF, sent as ISO-8859-1 by a raw HTTP client); else
   *     any character up to U+FFFF
   * @param maxCookies most cookies in one header ({@code many-cookies}); an HTTP request is bounded
   *     by the storefront's 80 KB header limit
   */
  HostileCookieNames(List<HostileCookies.Seed> seeds, boolean wire, int maxCookies) {
    this.seeds = List.copyOf(seeds);
    this.chunkedSeeds = seeds.stream().filter(s -> s.token().length() > 3936).toList();
    this.wire = wire;
    this.maxCookies = maxCookies;
  }

  Sample next(SplittableRandom r) {
    return next(r, r.nextInt(FAMILIES.length));
  }

  Sample next(SplittableRandom r, int family) {
    HostileCookies.Seed seed = seeds.get(r.nextInt(seeds.size()));
    String name = seed.cookieName();
    String token = seed.token().length() > 3936 ? null : seed.token();
    return switch (FAMILIES[family]) {
      case "char-in-name" -> {
        String base = r.nextInt(4) == 0 ? COOKIE_NAMES.get(r.nextInt(COOKIE_NAMES.size())) : name;
        char c = randomChar(r);
        String hostile =
            switch (r.nextInt(4)) {
              case 0 -> base + c;
              case 1 -> base + c + randomB64(r, 1 + r.nextInt(3));
              case 2 -> {
                int at = r.nextInt(base.length() + 1);
                yield base.substring(0, at) + c + base.substring(at);
              }
              default -> {
                int at = r.nextInt(base.length());
                yield base.substring(0, at) + c + base.substring(at + 1);
              }
            };
        // The hostile cookie carries the token, junk or nothing; a valid session cookie may come
        // with it.
        String value =
            switch (r.nextInt(3)) {
              case 0 -> token == null ? randomB64(r, 40) : token;
              case 1 -> randomB64(r, 1 + r.nextInt(200));
              default -> "";
            };
        StringBuilder header = new StringBuilder();
        boolean withValid = token != null && r.nextBoolean();
        if (withValid && r.nextBoolean()) {
          header.append(name).append('=').append(token).append("; ");
        }
        header.append(hostile).append('=').append(value);
        if (withValid && header.indexOf(name + "=" + token) < 0) {
          header.append("; ").append(name).append('=').append(token);
        }
        yield new Sample("char-in-name", header.toString(), token);
      }
      case "name-prefix" -> {
        String base = COOKIE_NAMES.get(r.nextInt(COOKIE_NAMES.size()));
        String prefix = base.substring(0, r.nextInt(base.length()));
        String value = token != null && r.nextBoolean() ? token : randomB64(r, 1 + r.nextInt(100));
        String header =
            r.nextBoolean()
                ? prefix + "=" + value
                : prefix + "=" + value + "; " + prefix + randomChar(r) + "=" + value;
        yield new Sample(
            "name-prefix", header, null); // nothing under a shorter name is ever a session
      }
      case "chunk-suffix" -> {
        HostileCookies.Seed chunked =
            chunkedSeeds.isEmpty() || r.nextBoolean()
                ? seed
                : chunkedSeeds.get(r.nextInt(chunkedSeeds.size()));
        String t = chunked.token();
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < t.length(); i += 3936) {
          chunks.add(t.substring(i, Math.min(t.length(), i + 3936)));
        }
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
          String suffix =
              r.nextInt(3) == 0 ? CHUNK_SUFFIXES[r.nextInt(CHUNK_SUFFIXES.length)] : "." + i;
          if (wire && suffix.chars().anyMatch(ch -> ch > 0xff)) {
            suffix = "." + i;
          }
          if (header.length() > 0) {
            header.append("; ");
          }
          header.append(chunked.cookieName()).append(suffix).append('=').append(chunks.get(i));
        }
        if (r.nextInt(3) == 0) { // and a stray part with an odd suffix
          header
              .append("; ")
              .append(chunked.cookieName())
              .append(CHUNK_SUFFIXES[r.nextInt(CHUNK_SUFFIXES.length)])
              .append('=')
              .append(randomB64(r, 1 + r.nextInt(50)));
        }
        yield new Sample("chunk-suffix", header.toString(), t);
      }
      case "duplicate-name" -> {
        String junk = randomB64(r, 1 + r.nextInt(300));
        boolean tokenFirst = token != null && r.nextBoolean();
        String first = tokenFirst ? token : junk;
        String second = !tokenFirst && token != null ? token : junk;
        String[] spellings = {
          name, " " + name, name + " ", "\t" + name, name.toUpperCase(java.util.Locale.ROOT)
        };
        String header =
            spellings[r.nextInt(spellings.length)]
                + "="
                + first
                + "; "
                + spellings[r.nextInt(spellings.length)]
                + " = "
                + second
                + "; "
                + name
                + "="
                + junk;
        yield new Sample("duplicate-name", header, token);
      }
      default -> {
        int count = 1_000 + r.nextInt(Math.max(1, maxCookies - 999));
        StringBuilder header = new StringBuilder(count * 32);
        int kind = r.nextInt(4);
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            header.append("; ");
          }
          switch (kind) {
            case 0 -> header.append(name).append('.').append(i);
            case 1 -> header.append(name).append('[').append(i).append(']');
            case 2 -> header.append(name);
            default -> header.append(name, 0, 1 + r.nextInt(name.length())).append(randomChar(r));
          }
          header.append('=').append(B64[r.nextInt(B64.length)]);
        }
        yield new Sample("many-cookies", header.toString(), null);
      }
    };
  }

  private char randomChar(SplittableRandom r) {
    if (wire) {
      return (char) r.nextInt(0x100);
    }
    return switch (r.nextInt(3)) {
      case 0 -> (char) r.nextInt(0x80);
      case 1 -> (char) r.nextInt(0x100);
      default -> (char) r.nextInt(0x10000);
    };
  }

  private static String randomB64(SplittableRandom r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = B64[r.nextInt(B64.length)];
    }
    return new String(c);
  }
}
