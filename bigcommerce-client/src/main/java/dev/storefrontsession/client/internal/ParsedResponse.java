package dev.storefrontsession.client.internal;

import dev.storefrontsession.client.GraphQLError;
import java.util.List;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * A 2xx response body read as GraphQL, before any error policy. {@code data} is shared by everyone
 * who gets this instance (cache, coalesced callers): copy it before handing it out.
 */
public record ParsedResponse(JsonNode data, List<GraphQLError> errors, OptionalInt complexity) {

  public ParsedResponse {
    errors = List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
