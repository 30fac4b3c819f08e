package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Spellings as {@code String(x)} gives them in node 20 (the property test compares with node over
 * many more).
 */
class JavaScriptNumbersTest {

  @Test
  void toStringWhenPlainRangeThenNoExponent() {
    assertThat(JavaScriptNumbers.toString(100)).isEqualTo("100");
    assertThat(JavaScriptNumbers.toString(-1.5)).isEqualTo("-1.5");
    assertThat(JavaScriptNumbers.toString(0.000001)).isEqualTo("0.000001");
    assertThat(JavaScriptNumbers.toString(1e20)).isEqualTo("100000000000000000000");
    assertThat(JavaScriptNumbers.toString(9.007199254740994E15)).isEqualTo("9007199254740994");
    assertThat(JavaScriptNumbers.toString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(JavaScriptNumbers.toString(-0.0)).isEqualTo("0");
  }

  @Test
  void toStringWhenBelowOneMillionthOrFromTenToThe21ThenExponent() {
    assertThat(JavaScriptNumbers.toString(1e21)).isEqualTo("1e+21");
    assertThat(JavaScriptNumbers.toString(1e-7)).isEqualTo("1e-7");
    assertThat(JavaScriptNumbers.toString(123e-20)).isEqualTo("1.23e-18");
    assertThat(JavaScriptNumbers.toString(5e-324)).isEqualTo("5e-324");
    assertThat(JavaScriptNumbers.toString(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
  }

  @Test
  void toStringWhenNotFiniteThenRefused() {
    assertThatThrownBy(() -> JavaScriptNumbers.toString(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JavaScriptNumbers.toString(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
