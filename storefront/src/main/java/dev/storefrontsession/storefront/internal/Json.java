package dev.storefrontsession.storefront.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Null-tolerant reads of Storefront API response data. Stateless. */
final class Json {

  private Json() {}

  /** The text at {@code field}, or null when missing or JSON null. */
  static String text(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    return n == null || n.isNull() || !n.isValueNode() ? null : n.asString();
  }

  static int integer(JsonNode node, String field, int fallback) {
    JsonNode n = node == null ? null : node.get(field);
    return n == null || !n.isNumber() ? fallback : n.asInt();
  }

  static Integer integerOrNull(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    return n == null || !n.isNumber() ? null : n.asInt();
  }

  static boolean bool(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    return n != null && n.isBoolean() && n.asBoolean();
  }

  static BigDecimal decimal(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    try {
      return new BigDecimal(n.asString());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** True when the node is absent or JSON null. */
  static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** The nodes of a connection's {@code edges[].node}, mapped. */
  static <T> List<T> edges(JsonNode connection, Function<JsonNode, T> mapper) {
    List<T> out = new ArrayList<>();
    if (absent(connection)) {
      return out;
    }
    for (JsonNode edge : connection.path("edges")) {
      JsonNode node = edge.get("node");
      if (!absent(node)) {
        out.add(mapper.apply(node));
      }
    }
    return out;
  }

  /** The elements of an array, mapped. */
  static <T> List<T> list(JsonNode array, Function<JsonNode, T> mapper) {
    List<T> out = new ArrayList<>();
    if (absent(array)) {
      return out;
    }
    for (JsonNode n : array) {
      out.add(mapper.apply(n));
    }
    return out;
  }
}
