package dev.storefrontsession.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON value model of the codec: {@code null}, {@link String}, {@link Boolean}, {@link Long}
 * (integral numbers that JavaScript represents exactly), {@link Double} (others, including the
 * infinities {@code JSON.parse} makes of literals beyond the double range, which are written as
 * {@code null} as {@code JSON.stringify} does), unmodifiable {@link List} and unmodifiable
 * insertion-ordered {@link Map} with String keys. Numbers follow JavaScript's single number type,
 * so {@code 1}, {@code 1.0} and {@code 1e0} are the same value {@code 1L}.
 */
public final class JsonValues {

  private static final double MAX_SAFE = 9.007199254740992E15;

  private JsonValues() {}

  /**
   * A deep, unmodifiable copy of {@code value} in the value model.
   *
   * @throws IllegalArgumentException if the value is not JSON (other types, NaN, non-String keys)
   */
  public static Object normalize(Object value) {
    return normalize(value, 0);
  }

  private static Object normalize(Object value, int depth) {
    if (depth > JsonParser.MAX_DEPTH) {
      throw new IllegalArgumentException("JSON value nested too deeply");
    }
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long) {
      return value;
    }
    if (value instanceof Number number) {
      return normalizeNumber(number);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys must be strings");
        }
        copy.put(key, normalize(entry.getValue(), depth + 1));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(normalize(element, depth + 1));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
  }

  static Object normalizeNumber(Number number) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return number.longValue();
    }
    if (number instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : normalizeDouble(big.doubleValue());
    }
    if (number instanceof BigDecimal big) {
      try {
        return big.longValueExact();
      } catch (ArithmeticException notAnExactLong) {
        return normalizeDouble(big.doubleValue());
      }
    }
    return normalizeDouble(number.doubleValue());
  }

  static Object normalizeDouble(double d) {
    if (Double.isNaN(d)) {
      throw new IllegalArgumentException("JSON numbers must not be NaN");
    }
    if (d == Math.rint(d) && Math.abs(d) < MAX_SAFE) {
      return (long) d; // also turns -0.0 into 0, as JSON.stringify does
    }
    return d;
  }

  /**
   * Whether a JavaScript object orders this name as an array index: a canonical integer in [0, 2^32
   * - 2].
   */
  public static boolean isArrayIndex(String name) {
    int n = name.length();
    char first = n == 0 ? 'x' : name.charAt(0);
    if (first < '0' || first > '9' || n > 10 || (first == '0' && n > 1)) {
      return false;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 0xFFFF_FFFEL;
  }

  /**
   * The members in the order a JavaScript object keeps them: array-index names first, ascending,
   * then the others in insertion order (so {@code JSON.stringify} writes them so). A new modifiable
   * map.
   */
  public static <V> Map<String, V> inJavaScriptOrder(Map<String, V> map) {
    List<String> indices = new ArrayList<>();
    for (String name : map.keySet()) {
      if (isArrayIndex(name)) {
        indices.add(name);
      }
    }
    indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    Map<String, V> ordered = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (String index : indices) {
      ordered.put(index, map.get(index));
    }
    map.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /** The number as a double (for time comparisons). */
  public static double toDouble(Object number) {
    return ((Number) number).doubleValue();
  }
}
