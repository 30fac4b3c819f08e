package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

  static String write(Object value) {
    JsonOutput out = new JsonOutput(16);
    out.writeValue(value);
    return out.toUtf8String();
  }

  @Test
  void writeValueWhenStringsThenEscapedAsJsonStringify() {
    assertThat(write("a\"b\\c\n\t\u0001/é🎉\u2028"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001/é🎉\u2028\"");
    assertThat(write("\ud800x")).isEqualTo("\"\\ud800x\"");
  }

  @Test
  void writeValueWhenNumbersThenJavaScriptForms() {
    assertThat(write(Arrays.asList(0L, -5L, 1234567890123L, 1.5, 2.0, -0.0, Long.MIN_VALUE, 1e300)))
        .isEqualTo("[0,-5,1234567890123,1.5,2,0,-9223372036854775808,1e+300]");
  }

  @Test
  void writeValueWhenMapThenMembersInOrderNullKept() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", null);
    map.put("a", Map.of("b", true));
    assertThat(write(map)).isEqualTo("{\"z\":null,\"a\":{\"b\":true}}");
  }

  @Test
  void writeValueWhenNotJsonThenRefused() {
    assertThatThrownBy(() -> write(new Object())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writeValueWhenInfinityThenNullAsJsonStringify() {
    assertThat(write(java.util.List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
        .isEqualTo("[null,null]");
  }

  @Test
  void writeValueWhenOutputGrowsThenAllBytesKept() {
    String big = "x".repeat(10_000);
    assertThat(write(big)).hasSize(10_002);
  }

  @Test
  void normalizeWhenJavaNumbersThenLongOrDouble() {
    assertThat(JsonValues.normalize(5)).isEqualTo(5L);
    assertThat(JsonValues.normalize(2.0f)).isEqualTo(2L);
    assertThat(JsonValues.normalize(new java.math.BigDecimal("1.25"))).isEqualTo(1.25);
    assertThat(JsonValues.normalize(java.math.BigInteger.TEN)).isEqualTo(10L);
    assertThat(JsonValues.normalize(Double.NEGATIVE_INFINITY))
        .isEqualTo(Double.NEGATIVE_INFINITY); // as JSON.parse
    assertThatThrownBy(() -> JsonValues.normalize(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonValues.normalize(Map.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
