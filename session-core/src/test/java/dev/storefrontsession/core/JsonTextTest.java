package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonText#stringify}: the expected texts are what Node's {@code JSON.stringify} prints for
 * the same values.
 */
class JsonTextTest {

  @Test
  void stringifyWhenSessionShapedMapThenMembersInOrderAsJsonStringify() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("name", "Sam Shopper");
    user.put("cartId", null);
    user.put("cartIds", Map.of("1", "cart-a"));
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("user", user);
    session.put("expires", "2027-01-03T21:36:28.000Z");
    assertThat(JsonText.stringify(session))
        .isEqualTo(
            "{\"user\":{\"name\":\"Sam Shopper\",\"cartId\":null,\"cartIds\":{\"1\":\"cart-a\"}},"
                + "\"expires\":\"2027-01-03T21:36:28.000Z\"}");
  }

  @Test
  void stringifyWhenStringsNeedEscapesThenEscapedAsJsonStringify() {
    assertThat(JsonText.stringify("q\"b\\n\nt\tc\u0001d\u001f/é€\u2028"))
        .isEqualTo("\"q\\\"b\\\\n\\nt\\tc\\u0001d\\u001f/é€\u2028\"");
    // JSON.stringify('\ud800x') and JSON.stringify('😀')
    assertThat(JsonText.stringify("\ud800x")).isEqualTo("\"\\ud800x\"");
    assertThat(JsonText.stringify("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
  }

  @Test
  void stringifyWhenNumbersBooleansAndListsThenAsJsonStringify() {
    assertThat(JsonText.stringify(Arrays.asList(1L, 2.5, true, null, 1e21)))
        .isEqualTo("[1,2.5,true,null,1e+21]");
  }

  @Test
  void stringifyWhenValueOutsideTheModelThenRefusedNamingOnlyItsType() {
    assertThatThrownBy(() -> JsonText.stringify(new StringBuilder("secret-cat")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("StringBuilder")
        .hasMessageNotContaining("secret-cat");
  }
}
