package dev.storefrontsession.client;

import java.util.List;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * A Storefront API answer after the call's error policy was applied.
 *
 * @param operationName the operation's name, or null when anonymous
 * @param type          query or mutation
 * @param channelId     the channel the call went to
 * @param data          the {@code data} member (a {@code NullNode} when null or absent); each caller gets its own copy
 * @param errors        GraphQL errors (empty unless the policy is {@link ErrorPolicy#ALL} or {@link ErrorPolicy#AUTH})
 * @param fromCache     true when answered from the guest cache without a call of its own
 * @param complexity    the {@code x-bc-graphql-complexity} response header, when sent
 */
public record GraphQLResponse(String operationName, OperationType type, long channelId, JsonNode data,
                              List<GraphQLError> errors, boolean fromCache, OptionalInt complexity) {

    public GraphQLResponse {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The node at a JSON pointer inside {@code data} (e.g. {@code /site/product/name}); missing node when absent. */
    public JsonNode dataAt(String jsonPointer) {
        return data.at(jsonPointer);
    }
}
