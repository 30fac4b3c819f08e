package dev.storefrontsession.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CanonicalJsonTest {

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void ofWhenSameVariablesInOtherOrderThenSameText() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("first", 10);
    a.put("filters", Map.of("z", 1, "a", List.of(Map.of("y", 2, "b", 3))));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("filters", Map.of("a", List.of(Map.of("b", 3, "y", 2)), "z", 1));
    b.put("first", 10);
    assertThat(CanonicalJson.of(mapper, a))
        .isEqualTo(CanonicalJson.of(mapper, b))
        .isEqualTo("{\"filters\":{\"a\":[{\"b\":3,\"y\":2}],\"z\":1},\"first\":10}");
  }

  @Test
  void ofWhenArrayOrderDiffersThenDifferentText() {
    assertThat(CanonicalJson.of(mapper, Map.of("ids", List.of(1, 2))))
        .isNotEqualTo(CanonicalJson.of(mapper, Map.of("ids", List.of(2, 1))));
  }

  @Test
  void ofWhenNullValueThenKeptDistinctFromAbsent() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("after", null);
    assertThat(CanonicalJson.of(mapper, withNull)).isEqualTo("{\"after\":null}");
    assertThat(CanonicalJson.of(mapper, Map.of())).isEqualTo("{}");
  }

  @Test
  void ofWhenNumberTypesDifferThenDifferentText() {
    assertThat(CanonicalJson.of(mapper, Map.of("v", 1)))
        .isNotEqualTo(CanonicalJson.of(mapper, Map.of("v", "1")));
    assertThat(CanonicalJson.of(mapper, Map.of("v", Arrays.asList("a", null))))
        .isEqualTo("{\"v\":[\"a\",null]}");
  }
}
