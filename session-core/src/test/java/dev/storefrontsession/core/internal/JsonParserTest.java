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
    Object value = JsonParser.parse("{\"b\":1,\"a\":[1.5,-0,1e3,1.0,true,false,null],\"c\":{\"x\":\"y\"}}");
    assertThat(value).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) value;
    assertThat(new ArrayList<Object>(map.keySet())).containsExactly("b", "a", "c");
    assertThat(map.get("b")).isEqualTo(1L);
    assertThat(new ArrayList<Object>((List<?>) map.get("a"))).containsExactly(1.5, 0L, 1000L, 1L, true, false, null);
  }

  @Test
  void parseWhenDuplicateKeysThenFirstPositionLastValueAsJsonParse() {
    Map<?, ?> map = (Map<?, ?>) JsonParser.parse("{\"a\":1,\"b\":2,\"a\":3}");
    assertThat(new ArrayList<Object>(map.keySet())).containsExactly("a", "b");
    assertThat(map.get("a")).isEqualTo(3L);
  }

  @Test
  void parseWhenMemberNamesEscapedOrPrefixOfKnownNamesThenExactNames() {
    Map<?, ?> map = (Map<?, ?>) JsonParser.parse("{\"n\\u0061me\":1,\"nam\":2,\"names\":3,\"user\":4}");
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
    for (String bad : List.of("", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "01", "1.", "-", "\"\u0001\"", "\"\\x\"",
        "tru", "{} x", "NaN", "'a'", "{a:1}", "1e999", "\"abc")) {
      assertThatThrownBy(() -> JsonParser.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid JSON at byte");
    }
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
    Map<?, ?> map = (Map<?, ?>) JsonParser.parse("{\"customerAccessToken\":1,\"customerAccessTokenX\":2,"
        + "\"customerAccessTokenExpiresAt\":3,\"valu\":4,\"value\":5,\"exp\\u0069\":6,\"\":7,\"cartid\":8,"
        + "\"cartId\":9,\"caf\u00e9\":10,\"kid\":11}");

    assertThat(new ArrayList<Object>(map.keySet())).containsExactly("customerAccessToken", "customerAccessTokenX",
        "customerAccessTokenExpiresAt", "valu", "value", "expi", "", "cartid", "cartId", "caf\u00e9", "kid");
    assertThat(map.get("expi")).isEqualTo(6L);
    assertThat(map.get("cartId")).isEqualTo(9L);
  }
}
