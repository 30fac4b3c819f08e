package dev.storefrontsession.client.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON with object members sorted by name at every level, so equal variables give equal cache keys.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  public static String of(JsonMapper mapper, Map<String, Object> variables) {
    JsonNode tree = mapper.valueToTree(variables);
    return mapper.writeValueAsString(sorted(mapper, tree));
  }

  private static JsonNode sorted(JsonMapper mapper, JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.propertyNames());
      Collections.sort(names);
      ObjectNode out = mapper.createObjectNode();
      for (String name : names) {
        out.set(name, sorted(mapper, node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = mapper.createArrayNode();
      for (JsonNode element : node.values()) {
        out.add(sorted(mapper, element));
      }
      return out;
    }
    return node;
  }
}
