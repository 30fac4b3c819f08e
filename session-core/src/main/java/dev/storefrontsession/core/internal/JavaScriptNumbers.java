package dev.storefrontsession.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles spelled as JavaScript spells them (ECMA-262, Number::toString with radix 10), which is
 * what {@code JSON.stringify} writes: the fewest significant digits that read back as the same
 * double (the closer of two candidates, the even one on a tie), plain notation from 1e-6 up to
 * below 1e21 and exponent notation outside ({@code 1e+21}, {@code 1.5e-7}). Java's {@code
 * Double.toString} differs in notation ({@code 1.0E21}) and, before JDK 19, sometimes in digits.
 * Stateless and thread-safe.
 */
public final class JavaScriptNumbers {

  /** A double has at most 17 significant decimal digits that matter. */
  private static final int MAX_DIGITS = 17;

  private JavaScriptNumbers() {}

  /**
   * @param d a finite double
   * @return {@code String(d)} in JavaScript
   * @throws IllegalArgumentException for NaN and the infinities (JSON has neither)
   */
  public static String toString(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("not a finite number");
    }
    if (d == 0) {
      return "0"; // also -0, as JavaScript writes it
    }
    if (d < 0) {
      return "-" + toString(-d);
    }
    BigDecimal shortest = shortestDigits(d).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // d = digits × 10^(n − k)
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    int exponent = n - 1;
    String e = exponent >= 0 ? "e+" + exponent : "e-" + (-exponent);
    return k == 1 ? digits + e : digits.charAt(0) + "." + digits.substring(1) + e;
  }

  /**
   * The decimal with the fewest digits that rounds to {@code d}; of two such, the closer, then the
   * even one.
   */
  private static BigDecimal shortestDigits(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision <= MAX_DIGITS; precision++) {
      BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean belowReadsBack = below.doubleValue() == d;
      boolean aboveReadsBack = above.doubleValue() == d;
      if (belowReadsBack && aboveReadsBack) {
        int closer = exact.subtract(below).compareTo(above.subtract(exact));
        if (closer != 0) {
          return closer < 0 ? below : above;
        }
        return below.unscaledValue().testBit(0) ? above : below;
      }
      if (belowReadsBack) {
        return below;
      }
      if (aboveReadsBack) {
        return above;
      }
    }
    return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
  }
}
