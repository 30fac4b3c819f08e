package dev.storefrontsession.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated JSON for the differential tests of the hand-written reader and writer: values in the
 * codec's model ({@link JsonValues}) shaped like session claims, and JSON texts spelled in the many
 * ways a text may spell one value (whitespace, escapes, number forms, repeated member names).
 *
 * <p>Member names are never array indices ({@code "0"}, {@code "42"}): a JavaScript object lists
 * those first whatever their order in the text, which is the reader's business (issue #20's parity
 * tests), not a property of these primitives.
 */
final class JsonGenerators {

  static final double MAX_SAFE = 9.007199254740992E15;

  private JsonGenerators() {}

  /**
   * Strings with the characters that need care: quotes, backslashes, controls, non-ASCII, astral,
   * lone surrogates.
   */
  static Arbitrary<String> strings() {
    Arbitrary<Character> tricky =
        Arbitraries.of(
            '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u0080',
            '\u00e9', '\u2028', '\u2029', '\ufeff', '\uffff', '\ud800', '\udbff', '\udc00',
            '\udfff');
    Arbitrary<String> pieces =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.strings().ascii().ofMaxLength(6)),
            Tuple.of(3, tricky.map(String::valueOf)),
            Tuple.of(2, Arbitraries.strings().all().ofMaxLength(3)),
            Tuple.of(1, Arbitraries.of("\ud83d\ude00", "\ud834\udd1e", "\u4e2d\u6587")));
    return pieces.list().ofMaxSize(6).map(list -> String.join("", list));
  }

  /** Member names: a small pool (so names repeat) and arbitrary strings, never an array index. */
  static Arbitrary<String> names() {
    return Arbitraries.frequencyOf(
            Tuple.of(
                4,
                Arbitraries.of(
                    "sub", "name", "email", "user", "cartId", "exp", "iat", "jti", "a", "",
                    "\u00e9", "x\"y", "01", "-1", "1.5")),
            Tuple.of(3, strings()))
        .filter(name -> !isArrayIndex(name));
  }

  /**
   * Numbers of the value model: exact integers, and doubles from all over the range and at its
   * edges.
   */
  static Arbitrary<Object> numbers() {
    Arbitrary<Object> small = Arbitraries.longs().between(-1000, 1000).map(l -> l);
    Arbitrary<Object> safe =
        Arbitraries.longs().between(-(1L << 53) + 1, (1L << 53) - 1).map(l -> l);
    Arbitrary<Object> anyDouble =
        Arbitraries.longs()
            .map(Double::longBitsToDouble)
            .filter(d -> !d.isNaN() && !d.isInfinite())
            .map(JsonValues::normalizeDouble);
    Arbitrary<Object> edges =
        Arbitraries.of(
                0.1,
                -0.5,
                1e21,
                1e-7,
                1.5e-7,
                123456789.125,
                1e20,
                2e21,
                5e-324,
                Double.MAX_VALUE,
                -Double.MIN_NORMAL,
                MAX_SAFE + 2,
                -MAX_SAFE - 2,
                9.007199254740993E15,
                1e300,
                1e-300,
                0.000001,
                0.0000001,
                100.5,
                1.7976931348623157e308,
                4.35,
                0.1 + 0.2)
            .map(d -> JsonValues.normalizeDouble(d));
    Arbitrary<Object> decimals =
        Combinators.combine(
                Arbitraries.longs().between(-99_999_999, 99_999_999),
                Arbitraries.integers().between(-30, 30))
            .as(
                (unscaled, scale) ->
                    JsonValues.normalizeDouble(BigDecimal.valueOf(unscaled, scale).doubleValue()));
    return Arbitraries.frequencyOf(
        Tuple.of(3, small),
        Tuple.of(2, safe),
        Tuple.of(3, anyDouble),
        Tuple.of(2, edges),
        Tuple.of(3, decimals));
  }

  /** Values of the model, nested up to {@code depth} containers. */
  static Arbitrary<Object> values(int depth) {
    Arbitrary<Object> leaves =
        Arbitraries.frequencyOf(
            Tuple.of(4, strings().map(s -> (Object) s)),
            Tuple.of(4, numbers()),
            Tuple.of(1, Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b)),
            Tuple.of(1, Arbitraries.just(null)));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<Object> lists =
        Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4).map(l -> (Object) l);
    Arbitrary<Object> objects = Arbitraries.lazy(() -> members(depth - 1)).map(m -> (Object) m);
    return Arbitraries.frequencyOf(Tuple.of(5, leaves), Tuple.of(2, lists), Tuple.of(3, objects));
  }

  /** An object of the model: members in insertion order. */
  static Arbitrary<Map<String, Object>> members(int depth) {
    return Combinators.combine(names(), Arbitraries.lazy(() -> values(depth)))
        .as(java.util.AbstractMap.SimpleEntry<String, Object>::new)
        .list()
        .ofMaxSize(5)
        .map(
            entries -> {
              Map<String, Object> map = new LinkedHashMap<>();
              for (Map.Entry<String, Object> e : entries) {
                map.put(e.getKey(), e.getValue());
              }
              return map;
            });
  }

  /** Claims as Catalyst writes them, with extra members of any shape. */
  static Arbitrary<Object> claims() {
    Arbitrary<Map<String, Object>> user =
        Combinators.combine(strings(), strings(), members(2))
            .as(
                (cat, cart, extra) -> {
                  Map<String, Object> u = new LinkedHashMap<>();
                  u.put("name", cat);
                  u.put(
                      "customerAccessToken",
                      Map.of("value", cat, "expiresAt", "2026-12-01T00:00:00.000Z"));
                  u.put("cartId", cart);
                  u.putAll(extra);
                  return u;
                });
    return Combinators.combine(user, Arbitraries.longs().between(0, 1L << 40), members(3))
        .as(
            (u, iat, extra) -> {
              Map<String, Object> c = new LinkedHashMap<>();
              c.put("user", u);
              c.put("iat", iat);
              c.put("exp", iat + 2_592_000);
              c.put("jti", "0e9b3c1a-5d5e-4f0a-9b7e-2c7f1d2a3b4c");
              c.putAll(extra);
              return (Object) c;
            });
  }

  /**
   * A JSON text of {@code value} in a randomly chosen spelling, deterministic for one {@code seed}.
   */
  static String spell(Object value, long seed) {
    StringBuilder out = new StringBuilder();
    new Speller(new java.util.SplittableRandom(seed)).value(value, out);
    return out.toString();
  }

  /**
   * The same members, with some names written twice: a first value that a later one must replace.
   */
  static String spellWithRepeatedNames(Map<String, Object> members, Object shadowed, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    Speller speller = new Speller(random);
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> e : members.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      speller.string(e.getKey(), out);
      out.append(':');
      speller.value(shadowed, out);
      out.append(',');
      speller.string(e.getKey(), out);
      out.append(':');
      speller.value(e.getValue(), out);
    }
    return out.append('}').toString();
  }

  /**
   * Whether every surrogate of {@code text} is half of a pair, so that the text has a UTF-8 form.
   */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static boolean isArrayIndex(String name) {
    if (name.isEmpty() || name.length() > 10 || (name.length() > 1 && name.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(name) < 4294967295L;
  }

  private static final class Speller {
    private final java.util.SplittableRandom random;

    Speller(java.util.SplittableRandom random) {
      this.random = random;
    }

    void value(Object value, StringBuilder out) {
      space(out);
      if (value == null) {
        out.append("null");
      } else if (value instanceof Boolean b) {
        out.append(b);
      } else if (value instanceof String s) {
        string(s, out);
      } else if (value instanceof Long l) {
        integer(l, out);
      } else if (value instanceof Double d) {
        decimal(d, out);
      } else if (value instanceof Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          space(out);
          string((String) e.getKey(), out);
          space(out);
          out.append(':');
          value(e.getValue(), out);
        }
        space(out);
        out.append('}');
      } else if (value instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          value(list.get(i), out);
        }
        space(out);
        out.append(']');
      } else {
        throw new IllegalArgumentException(value.getClass().getName());
      }
      space(out);
    }

    private void space(StringBuilder out) {
      if (random.nextInt(4) == 0) {
        out.append(" \t\n\r".charAt(random.nextInt(4)));
      }
    }

    private void integer(long l, StringBuilder out) {
      switch (random.nextInt(4)) {
        case 0 -> out.append(l).append(".0");
        case 1 -> out.append(l).append(random.nextBoolean() ? "e0" : "E+0");
        case 2 -> out.append(new BigDecimal(l).movePointLeft(2).toPlainString()).append("e2");
        default -> out.append(l);
      }
    }

    private void decimal(double d, StringBuilder out) {
      BigDecimal exact = new BigDecimal(d);
      switch (random.nextInt(4)) {
        case 0 -> out.append(exact.toPlainString()); // every digit of the double
        case 1 ->
            out.append(
                exact.toString().toLowerCase(Locale.ROOT).replace("e+", "E")); // 1.5e-7, 1E21
        case 2 -> out.append(new BigDecimal(Double.toString(d)).stripTrailingZeros().toString());
        default -> out.append(Double.toString(d));
      }
    }

    void string(String s, StringBuilder out) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          // a pair is written whole or escaped whole: half of it literal is no text at all
          if (random.nextInt(8) == 0) {
            escape(c, out);
            escape(s.charAt(++i), out);
          } else {
            out.append(c).append(s.charAt(++i));
          }
        } else if (c < 0x20
            || c == '"'
            || c == '\\'
            || Character.isSurrogate(c)
            || random.nextInt(8) == 0) {
          escape(c, out);
        } else {
          out.append(c);
        }
      }
      out.append('"');
    }

    private void escape(char c, StringBuilder out) {
      String shortForm =
          switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '/' -> "\\/";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
          };
      if (shortForm != null && random.nextBoolean()) {
        out.append(shortForm);
      } else {
        String hex = String.format(Locale.ROOT, "%04x", (int) c);
        out.append("\\u").append(random.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT));
      }
    }
  }

  /** Nested arrays and objects, {@code levels} containers deep. */
  static String nested(int levels) {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      if (i % 2 == 0) {
        open.append("[");
        close.insert(0, "]");
      } else {
        open.append("{\"k\":");
        close.insert(0, "}");
      }
    }
    return open + "1" + close;
  }

  /**
   * The value model of a number given as a BigInteger: exact when JavaScript holds it exactly, else
   * the double.
   */
  static Object ofInteger(BigInteger big) {
    return big.abs().compareTo(BigInteger.valueOf(1L << 53)) < 0
        ? (Object) big.longValue()
        : JsonValues.normalizeDouble(big.doubleValue());
  }

  static List<Object> listOf(Object... values) {
    List<Object> list = new ArrayList<>();
    java.util.Collections.addAll(list, values);
    return list;
  }
}
