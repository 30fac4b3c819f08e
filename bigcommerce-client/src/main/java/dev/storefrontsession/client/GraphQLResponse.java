package dev.storefrontsession.client;

import dev.storefrontsession.client.internal.Json;
import dev.storefrontsession.client.internal.Redactor;
import java.util.List;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Storefront API answer after the call's error policy was applied.
 *
 * @param operationName the operation's name, or null when anonymous
 * @param type query or mutation
 * @param channelId the channel the call went to
 * @param data the {@code data} member (a {@code NullNode} when null or absent); each caller gets
 *     its own copy
 * @param errors GraphQL errors (empty unless the policy is {@link ErrorPolicy#ALL} or {@link
 *     ErrorPolicy#AUTH})
 * @param fromCache true when answered from the guest cache without a call of its own
 * @param complexity the {@code x-bc-graphql-complexity} response header, when sent
 */
public record GraphQLResponse(
    String operationName,
    OperationType type,
    long channelId,
    JsonNode data,
    List<GraphQLError> errors,
    boolean fromCache,
    OptionalInt complexity) {

  public GraphQLResponse {
    errors = List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /**
   * The node at a JSON pointer inside {@code data} (e.g. {@code /site/product/name}); missing node
   * when absent.
   */
  public JsonNode dataAt(String jsonPointer) {
    return data.at(jsonPointer);
  }

  /**
   * The node at a JSON pointer inside {@code data} mapped to {@code type} (records work; unknown
   * properties are ignored), or null when the node is missing or null.
   *
   * @throws IllegalArgumentException when the node does not fit {@code type}
   */
  public <T> T dataAt(String jsonPointer, Class<T> type) {
    JsonNode node = data.at(jsonPointer);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    try {
      return Json.MAPPER.treeToValue(node, type);
    } catch (JacksonException e) {
      // Jackson quotes the offending value: redacted, and its exception is not kept as the cause.
      throw new IllegalArgumentException(
          "data at "
              + jsonPointer
              + " does not fit "
              + type.getSimpleName()
              + ": "
              + Redactor.redact(e.getOriginalMessage(), List.of()));
    }
  }
}
