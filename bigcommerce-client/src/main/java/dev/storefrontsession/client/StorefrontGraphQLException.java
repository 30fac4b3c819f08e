package dev.storefrontsession.client;

import java.util.List;
import java.util.stream.Collectors;

/** The Storefront API executed the request (HTTP 2xx) and answered with GraphQL {@code errors}. */
public sealed class StorefrontGraphQLException extends StorefrontException
    permits StorefrontAuthException {

  private final List<GraphQLError> errors;

  public StorefrontGraphQLException(String operationName, List<GraphQLError> errors) {
    this(operationName, errors, describe(operationName, errors));
  }

  protected StorefrontGraphQLException(
      String operationName, List<GraphQLError> errors, String message) {
    super(operationName, message, null);
    this.errors = List.copyOf(errors);
  }

  /** All errors of the response, in order. */
  public List<GraphQLError> errors() {
    return errors;
  }

  /** The error messages, in order. */
  public List<String> messages() {
    return errors.stream().map(GraphQLError::message).collect(Collectors.toList());
  }

  static String describe(String operationName, List<GraphQLError> errors) {
    return "GraphQL error in "
        + (operationName == null ? "anonymous operation" : operationName)
        + ": "
        + errors.stream().map(GraphQLError::toString).collect(Collectors.joining("; "));
  }
}
