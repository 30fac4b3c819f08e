package dev.storefrontsession.core.testing;

import dev.storefrontsession.core.internal.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Random claims texts for the differential test against Auth.js: mostly JSON objects shaped like
 * session claims, with every registered claim given every JSON type, time claims at the edges of
 * the leeway, numbers at the edges of double precision and range, escapes, surrogates (paired,
 * lone, escaped, raw), duplicate and array-index member names, whitespace (JSON's and other),
 * byte-order marks, and bytes that are not UTF-8 or not JSON. Deterministic for a given {@link
 * Random}.
 */
public final class RandomClaimsTexts {

  /** One generated case: the header JSON to seal it under and the claims bytes. */
  public record Case(String header, byte[] claims) {}

  static final String[] REGISTERED = {
    "iat", "exp", "nbf", "sub", "jti", "iss", "aud", "name", "email", "picture", "user"
  };
  static final String[] USER_MEMBERS = {
    "customerAccessToken", "customerAccessTokenExpiresAt", "cartId", "firstName", "lastName"
  };
  static final String[] INDEX_NAMES = {
    "0", "1", "7", "10", "42", "4294967294", "4294967295", "01", "-1", "1.5", "1e3", "00", " 1"
  };
  static final String[] EDGE_NUMBERS = {
    "0",
    "-0",
    "1",
    "-1",
    "0.0",
    "-0.0",
    "1.0",
    "100e-2",
    "1E+2",
    "1e-7",
    "1e21",
    "1e20",
    "0.1",
    "0.30000000000000004",
    "9007199254740991",
    "9007199254740992",
    "9007199254740993",
    "-9007199254740993",
    "18446744073709551616",
    "123456789012345678901234567890",
    "4294967295",
    "1.7976931348623157e308",
    "1.7976931348623158e308",
    "1.7976931348623159e308",
    "1e308",
    "1e309",
    "-1e309",
    "1e400",
    "-1e400",
    "5e-324",
    "4.9e-324",
    "2.4703282292062327e-324",
    "2.4703282292062328e-324",
    "1e-400",
    "-1e-400",
    "2.2250738585072014e-308",
    "2.225073858507201e-308",
    "0.000001",
    "1e-6",
    "12345678901234567",
    "1.5e300",
    "-1.5e300",
    "31556889864403199",
    "31556889864403200",
    "100000000000000000",
    "8.64e15",
    "8.64e12"
  };
  static final String[] BAD_NUMBERS = {
    "01",
    "1.",
    ".5",
    "+1",
    "1e",
    "1e+",
    "-",
    "0x10",
    "Infinity",
    "-Infinity",
    "NaN",
    "1_000",
    "٣",
    "1.e5",
    "--1",
    "0.5.5"
  };

  /** Byte sequences TextDecoder (fatal) refuses. */
  static final int[][] BAD_UTF8 = {
    {0xFF},
    {0xFE},
    {0xFF, 0xFE},
    {0x80},
    {0xBF},
    {0xC0, 0xAF},
    {0xC1, 0x81},
    {0xC2},
    {0xC2, 0x41},
    {0xE0, 0x80, 0xAF},
    {0xE0, 0x9F, 0xBF},
    {0xED, 0xA0, 0x80},
    {0xED, 0xB0, 0x80},
    {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80},
    {0xE2, 0x82},
    {0xF0, 0x80, 0x80, 0xAF},
    {0xF0, 0x8F, 0xBF, 0xBF},
    {0xF4, 0x90, 0x80, 0x80},
    {0xF5, 0x80, 0x80, 0x80},
    {0xF8, 0x88, 0x80, 0x80, 0x80},
    {0xFC, 0x84, 0x80, 0x80, 0x80, 0x80},
    {0xF0, 0x9F, 0x8E},
    {0xE2, 0x28, 0xA1}
  };

  /**
   * Valid UTF-8 for code points at the edges (U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FEFF,
   * U+FFFF, …).
   */
  static final int[] EDGE_CODE_POINTS = {
    0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F389,
    0x10FFFF, 0x2028, 0x2029, 0xE9, 0x20AC, 0xA0
  };

  private final Random random;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final long now;

  /**
   * False for about half the texts: those are made without the deliberate faults, so most of them
   * are valid.
   */
  private boolean faults;

  /**
   * @param now the instant the cases are decoded at (epoch seconds), for time claims at the edges
   *     of the leeway
   */
  public RandomClaimsTexts(Random random, long now) {
    this.random = random;
    this.now = now;
  }

  public List<Case> cases(int count, String authJsHeader) {
    List<Case> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cases.add(next(authJsHeader));
    }
    return cases;
  }

  public Case next(String authJsHeader) {
    out.reset();
    faults = random.nextBoolean();
    int prefix = random.nextInt(100);
    if (prefix < 10) {
      bytes(0xEF, 0xBB, 0xBF);
    } else if (faults && prefix < 12) {
      bytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF);
    } else if (faults && prefix < 14) {
      ascii(" ");
      bytes(0xEF, 0xBB, 0xBF);
    } else if (faults && prefix < 15) {
      bytes(0xEF, 0xBB);
    }
    whitespace();
    if (random.nextInt(100) < 88) {
      claims();
    } else {
      value(1);
    }
    whitespace();
    int suffix = faults ? random.nextInt(100) : 100;
    if (suffix < 2) {
      ascii(pick(new String[] {",", "}", "]", "x", "{}", "\u0000"}));
    } else if (suffix < 3) {
      bytes(0xEF, 0xBB, 0xBF);
    }
    byte[] text = out.toByteArray();
    if (faults && random.nextInt(100) < 10) {
      text = mutate(text);
    }
    return new Case(header(authJsHeader), text);
  }

  private String header(String authJsHeader) {
    int kind = random.nextInt(100);
    if (kind < 88) {
      return authJsHeader;
    }
    String base = "\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\"";
    return switch (kind) {
      case 88, 89 -> "{" + base + "}";
      case 90, 91 -> "{ " + base.replace(",", " ,\n") + " }";
      case 92 -> "\ufeff{" + base + "}";
      case 93 -> "\ufeff\ufeff{" + base + "}";
      case 94, 95 -> "{" + base + ",\"typ\":\"JWT\",\"x\":[1,{\"y\":null}]}";
      case 96 -> "{" + base + ",\"sub\":\"" + (random.nextBoolean() ? "a" : "b") + "\"}";
      case 97 -> "{" + base + ",\"iss\":null}";
      case 98 -> "{" + base + ",\"aud\":[\"a\"]}";
      default -> "{" + base + ",\"sub\":1}";
    };
  }

  private byte[] mutate(byte[] text) {
    if (text.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int at = random.nextInt(text.length);
    ByteArrayOutputStream mutated = new ByteArrayOutputStream();
    switch (random.nextInt(4)) {
      case 0 -> { // replace a byte
        mutated.write(text, 0, text.length);
        byte[] m = mutated.toByteArray();
        m[at] = (byte) random.nextInt(256);
        return m;
      }
      case 1 -> { // insert a byte
        mutated.write(text, 0, at);
        mutated.write(random.nextInt(256));
        mutated.write(text, at, text.length - at);
      }
      case 2 -> { // delete a byte
        mutated.write(text, 0, at);
        mutated.write(text, at + 1, text.length - at - 1);
      }
      default -> mutated.write(text, 0, at); // truncate
    }
    return mutated.toByteArray();
  }

  // ---- structure
  // ---------------------------------------------------------------------------------------------------

  /**
   * An object of fewer than {@code maxMembers} members, named from {@code known} (or otherwise, see
   * {@link #memberName}), each value written by {@code values} given the member's name.
   */
  private void object(int maxMembers, String[] known, Consumer<String> values) {
    int members = random.nextInt(maxMembers);
    List<String> names = new ArrayList<>();
    ascii("{");
    for (int i = 0; i < members; i++) {
      if (i > 0) {
        separator(',');
      }
      whitespace();
      String name = memberName(names, known);
      names.add(name);
      whitespace();
      separator(':');
      whitespace();
      values.accept(name);
      whitespace();
    }
    if (faults && members > 0 && random.nextInt(100) < 2) {
      ascii(","); // trailing comma: not JSON
    }
    ascii("}");
  }

  private void claims() {
    object(
        9,
        REGISTERED,
        name -> {
          switch (name) {
            case "iat", "exp", "nbf" -> {
              if (random.nextInt(100) < 65) {
                timeValue();
              } else {
                value(2);
              }
            }
            case "user" -> {
              if (random.nextInt(100) < 65) {
                user();
              } else {
                value(2);
              }
            }
            default -> value(2);
          }
        });
  }

  private void user() {
    object(
        7,
        USER_MEMBERS,
        name -> {
          if ("customerAccessTokenExpiresAt".equals(name) && random.nextInt(100) < 50) {
            ascii(
                pick(
                    new String[] {
                      "\"2030-01-02T03:04:05Z\"",
                      "\"2030-01-02T03:04:05.123456789Z\"",
                      "\"yesterday\"",
                      "\"2030-13-01T00:00:00Z\"",
                      "\"+1000000000-12-31T23:59:59Z\"",
                      "\"2000-01-01T00:00:00Z\""
                    }));
          } else if (random.nextInt(100) < 50 && !"customerAccessTokenExpiresAt".equals(name)) {
            string();
          } else {
            value(3);
          }
        });
  }

  /**
   * A member name (written): a known one, a random one, an array index, an escaped or repeated
   * name.
   */
  private String memberName(List<String> used, String[] known) {
    int kind = random.nextInt(100);
    String name;
    if (kind < 55) {
      name = pick(known);
    } else if (kind < 65 && !used.isEmpty()) {
      name =
          used.get(
              random.nextInt(
                  used.size())); // duplicate: JSON.parse keeps the first position, last value
    } else if (kind < 75) {
      name = pick(INDEX_NAMES);
    } else if (kind < 77) {
      name = "__proto__";
    } else if (kind < 83) {
      String plain = pick(known);
      int at = random.nextInt(plain.length());
      // the same name with one character escaped
      ascii(
          "\""
              + plain.substring(0, at)
              + String.format("\\u%04x", (int) plain.charAt(at))
              + plain.substring(at + 1)
              + "\"");
      return plain;
    } else {
      int start = out.size();
      string();
      return "#" + start; // a random name: never repeated on purpose
    }
    ascii("\"" + name + "\"");
    return name;
  }

  private void value(int depth) {
    int kind = random.nextInt(100);
    if (depth > 4 && kind >= 70) {
      kind = random.nextInt(70); // keep most texts small
    }
    if (kind < 30) {
      string();
    } else if (kind < 55) {
      number();
    } else if (kind < 65) {
      literal();
    } else if (kind < 80) {
      object(depth + 1);
    } else if (kind < 95) {
      array(depth + 1);
    } else if (kind < 98) {
      timeValue();
    } else {
      nested(depth);
    }
  }

  private void object(int depth) {
    object(4, REGISTERED, name -> value(depth));
  }

  private void array(int depth) {
    int elements = random.nextInt(4);
    ascii("[");
    for (int i = 0; i < elements; i++) {
      if (i > 0) {
        separator(',');
      }
      whitespace();
      value(depth);
      whitespace();
    }
    if (faults && elements > 0 && random.nextInt(100) < 2) {
      ascii(",");
    }
    ascii("]");
  }

  /** Arrays and objects nested around the parser's depth limit (JavaScript has none). */
  private void nested(int depth) {
    int levels = JsonParser.MAX_DEPTH - depth - 2 + random.nextInt(6);
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      if (random.nextBoolean()) {
        ascii("[");
        close.append(']');
      } else {
        ascii("{\"k\":");
        close.append('}');
      }
    }
    ascii(random.nextBoolean() ? "1" : "[]");
    ascii(close.reverse().toString());
  }

  /**
   * The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not
   * count).
   */
  public static int nestingDepth(byte[] json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
    return deepest;
  }

  private void timeValue() {
    int kind = random.nextInt(100);
    if (kind < 60) {
      long[] offsets = {-16, -15, -14, -1, 0, 1, 14, 15, 16, -3600, 3600, 2_592_000, -2_592_000};
      ascii(Long.toString(now + offsets[random.nextInt(offsets.length)]));
    } else if (kind < 75) {
      double offset = (random.nextInt(40) - 20) + random.nextDouble();
      ascii(Double.toString(now + offset));
    } else if (kind < 80) {
      ascii((now - 15) + ".000000001");
    } else if (kind < 85) {
      ascii(now + 16 + "e0");
    } else {
      number();
    }
  }

  private void number() {
    int kind = random.nextInt(100);
    if (kind < 40) {
      ascii(pick(EDGE_NUMBERS));
    } else if (kind < 55) {
      ascii(Long.toString(random.nextLong() >> random.nextInt(64)));
    } else if (kind < 70) {
      double d = Double.longBitsToDouble(random.nextLong());
      ascii(
          Double.isFinite(d)
              ? Double.toString(d).replace("E", random.nextBoolean() ? "e" : "E")
              : "1e999");
    } else if (kind < 85) {
      StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
      digits.append(1 + random.nextInt(9));
      for (int i = random.nextInt(25); i > 0; i--) {
        digits.append(random.nextInt(10));
      }
      if (random.nextBoolean()) {
        digits.append('.').append(random.nextInt(1000));
      }
      if (random.nextBoolean()) {
        digits
            .append(random.nextBoolean() ? 'e' : 'E')
            .append(pick(new String[] {"", "+", "-"}))
            .append(random.nextInt(400));
      }
      ascii(digits.toString());
    } else if (kind < 97) {
      ascii(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)));
    } else {
      ascii(faults ? pick(BAD_NUMBERS) : "0");
    }
  }

  private void literal() {
    int kind = random.nextInt(100);
    ascii(
        kind < 33
            ? "true"
            : kind < 66
                ? "false"
                : kind < 98 || !faults ? "null" : pick(new String[] {"True", "nul", "undefined"}));
  }

  private void string() {
    ascii("\"");
    int length = random.nextInt(100) < 80 ? random.nextInt(12) : random.nextInt(80);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(faults ? 1000 : 960);
      if (kind < 600) {
        out.write(pickPrintable());
      } else if (kind < 700) {
        ascii(pick(new String[] {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"}));
      } else if (kind < 780) {
        // \\u escapes: anything, surrogates (paired, lone, reversed) included
        int unit =
            random.nextInt(100) < 40 ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x10000);
        ascii(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", unit));
        if (unit >= 0xD800 && unit < 0xDC00 && random.nextBoolean()) {
          ascii(String.format("\\u%04x", 0xDC00 + random.nextInt(0x400)));
        }
      } else if (kind < 900) {
        codePoint(
            random.nextBoolean() ? pickInt(EDGE_CODE_POINTS) : 0x80 + random.nextInt(0x10FF80));
      } else if (kind < 960) {
        out.write(0x7F);
      } else if (kind < 985) {
        bytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
      } else if (kind < 993) {
        out.write(random.nextInt(0x20)); // raw control character: not JSON
      } else {
        ascii(pick(new String[] {"\\x", "\\u12G4", "\\u00", "\\U0041", "\\'", "\\"}));
      }
    }
    if (faults && random.nextInt(1000) < 5) {
      return; // unterminated
    }
    ascii("\"");
  }

  private int pickPrintable() {
    int c;
    do {
      c = 0x20 + random.nextInt(0x5F);
    } while (c == '"' || c == '\\');
    return c;
  }

  /**
   * A code point as UTF-8 bytes; surrogate code points are skipped (their encoding is in {@link
   * #BAD_UTF8}).
   */
  private void codePoint(int cp) {
    if (cp >= 0xD800 && cp < 0xE000) {
      cp = 0xE000;
    }
    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
  }

  private void separator(char c) {
    if (faults && random.nextInt(1000) < 5) {
      return; // missing: not JSON
    }
    out.write(c);
  }

  private void whitespace() {
    int kind = random.nextInt(100);
    if (kind < 70) {
      return;
    }
    if (kind < 97 || !faults) {
      for (int i = random.nextInt(3); i >= 0; i--) {
        out.write(" \t\n\r".charAt(random.nextInt(4)));
      }
      return;
    }
    // whitespace to JavaScript's String.prototype.trim but not to JSON.parse
    switch (random.nextInt(5)) {
      case 0 -> out.write(0x0C);
      case 1 -> out.write(0x0B);
      case 2 -> bytes(0xC2, 0xA0);
      case 3 -> bytes(0xE2, 0x80, 0xA8);
      default -> bytes(0xEF, 0xBB, 0xBF);
    }
  }

  private void ascii(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(int... values) {
    for (int value : values) {
      out.write(value);
    }
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private int pickInt(int[] options) {
    return options[random.nextInt(options.length)];
  }
}
