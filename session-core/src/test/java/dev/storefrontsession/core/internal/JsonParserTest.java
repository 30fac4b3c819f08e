package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonParserTest {

  @Test
  void parseWhenObjectThenOrderedMapWithJavaScriptNumbers() {
    Object value =
        JsonParser.parse("{\"b\":1,\"a\":[1.5,-0,1e3,1.0,true,false,null],\"c\":{\"x\":\"y\"}}");
    assertThat(value).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) value;
    assertThat(new ArrayList<Object>(map.keySet())).containsExactly("b", "a", "c");
    assertThat(map.get("b")).isEqualTo(1L);
    assertThat(new ArrayList<Object>((List<?>) map.get("a")))
        .containsExactly(1.5, 0L, 1000L, 1L, true, false, null);
  }

  @Test
  void parseWhenDuplicateKeysThenFirstPositionLastValueAsJsonParse() {
    Map<?, ?> map = (Map<?, ?>) JsonParser.parse("{\"a\":1,\"b\":2,\"a\":3}");
    assertThat(new ArrayList<Object>(map.keySet())).containsExactly("a", "b");
    assertThat(map.get("a")).isEqualTo(3L);
  }

  @Test
  void parseWhenMemberNamesEscapedOrPrefixOfKnownNamesThenExactNames() {
    Map<?, ?> map =
        (Map<?, ?>) JsonParser.parse("{\"n\\u0061me\":1,\"nam\":2,\"names\":3,\"user\":4}");
    assertThat(new ArrayList<Object>(map.keySet())).containsExactly("name", "nam", "names", "user");
  }

  @Test
  void parseWhenEscapesThenDecoded() {
    assertThat(JsonParser.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83c\\udf89\""))
        .isEqualTo("a\"b\\c/d\b\f\n\r\té🎉");
    assertThat(JsonParser.parse("\"Grüße\"")).isEqualTo("Grüße");
  }

  @Test
  void parseWhenInvalidJsonThenRefusedWithPositionNotContent() {
    for (String bad :
        List.of(
            "",
            "{",
            "{\"a\"}",
            "{\"a\":1,}",
            "[1,]",
            "01",
            "1.",
            "-",
            "\"\u0001\"",
            "\"\\x\"",
            "tru",
            "{} x",
            "NaN",
            "'a'",
            "{a:1}",
            "\"abc",
            "\ufeff{}",
            " \ufeff{}",
            "{}\ufeff")) {
      assertThatThrownBy(() -> JsonParser.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid JSON at byte");
    }
  }

  static Object parseBytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return JsonParser.parse(bytes, 0, bytes.length);
  }

  @Test
  void parseWhenBytesAreNotWellFormedUtf8ThenRefusedAsTextDecoderFatal() {
    int[][] bad = {
      {0xFF},
      {0xFE},
      {0x80},
      {0xBF},
      {0xC0, 0xAF},
      {0xC1, 0xBF},
      {0xC2},
      {0xC2, 0x41},
      {0xE0, 0x80, 0xAF},
      {0xE0, 0x9F, 0xBF},
      {0xED, 0xA0, 0x80},
      {0xED, 0xBF, 0xBF},
      {0xE2, 0x82},
      {0xF0, 0x8F, 0xBF, 0xBF},
      {0xF4, 0x90, 0x80, 0x80},
      {0xF5, 0x80, 0x80, 0x80},
      {0xF8, 0x88, 0x80, 0x80, 0x80},
      {0xF0, 0x9F, 0x8E}
    };
    for (int[] sequence : bad) {
      int[] string = new int[sequence.length + 2];
      string[0] = '"';
      System.arraycopy(sequence, 0, string, 1, sequence.length);
      string[string.length - 1] = '"';
      assertThatThrownBy(() -> parseBytes(string))
          .as(java.util.Arrays.toString(sequence))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid JSON at byte");
      int[] escaped = new int[string.length + 2];
      escaped[0] = '"';
      escaped[1] = '\\';
      escaped[2] = 'n';
      System.arraycopy(string, 1, escaped, 3, string.length - 1);
      assertThatThrownBy(() -> parseBytes(escaped))
          .as("after an escape " + java.util.Arrays.toString(sequence))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void parseWhenBytesAreWellFormedUtf8AtTheEdgesThenDecoded() {
    assertThat(
            parseBytes(
                '"', 0xC2, 0x80, 0xDF, 0xBF, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80,
                0xEF, 0xBF, 0xBF, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF, '"'))
        .isEqualTo("\u0080\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfff");
  }

  @Test
  void parseWhenBytesStartWithOneByteOrderMarkThenSkippedAsTextDecoder() {
    assertThat(parseBytes(0xEF, 0xBB, 0xBF, '1')).isEqualTo(1L);
    assertThatThrownBy(() -> parseBytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, '1'))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parseBytes(' ', 0xEF, 0xBB, 0xBF, '1'))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parseBytes(0xEF, 0xBB, '1'))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parseWhenNumbersBeyondDoubleRangeThenInfinitiesAsJsonParse() {
    assertThat(
            new ArrayList<Object>(
                (List<?>) JsonParser.parse("[1e999,-1e400,1e-400,-1e-400,1.7976931348623159e308]")))
        .containsExactly(
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0L, 0L, Double.POSITIVE_INFINITY);
  }

  @Test
  void parseWhenMemberNamesAreArrayIndicesThenAscendingFirstAsJavaScriptObjects() {
    Map<?, ?> map =
        (Map<?, ?>)
            JsonParser.parse(
                "{\"b\":1,\"1\":2,\"a\":3,\"0\":4,\"4294967295\":5,\"4294967294\":6,\"01\":7,\"-1\":8,\"10\":9,\"b\":10}");
    assertThat(new ArrayList<Object>(map.keySet()))
        .containsExactly("0", "1", "10", "4294967294", "b", "a", "4294967295", "01", "-1");
    assertThat(map.get("b")).isEqualTo(10L);
  }

  @Test
  void parseWhenNestedDeeperThanLimitThenRefused() {
    String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
    assertThatThrownBy(() -> JsonParser.parse(deep)).isInstanceOf(IllegalArgumentException.class);
    String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
    assertThat(JsonParser.parse(ok)).isInstanceOf(List.class);
  }

  @Test
  void parseWhenMemberNamesAreKnownNamesTheirPrefixesOrEscapedThenEveryNameIsExact() {
    Map<?, ?> map =
        (Map<?, ?>)
            JsonParser.parse(
                "{\"customerAccessToken\":1,\"customerAccessTokenX\":2,"
                    + "\"customerAccessTokenExpiresAt\":3,\"valu\":4,\"value\":5,\"exp\\u0069\":6,\"\":7,\"cartid\":8,"
                    + "\"cartId\":9,\"caf\u00e9\":10,\"kid\":11}");

    assertThat(new ArrayList<Object>(map.keySet()))
        .containsExactly(
            "customerAccessToken",
            "customerAccessTokenX",
            "customerAccessTokenExpiresAt",
            "valu",
            "value",
            "expi",
            "",
            "cartid",
            "cartId",
            "caf\u00e9",
            "kid");
    assertThat(map.get("expi")).isEqualTo(6L);
    assertThat(map.get("cartId")).isEqualTo(9L);
  }
}
