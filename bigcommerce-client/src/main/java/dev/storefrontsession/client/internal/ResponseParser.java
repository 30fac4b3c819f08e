package dev.storefrontsession.client.internal;

import dev.storefrontsession.client.GraphQLError;
import dev.storefrontsession.client.InvalidCustomerAccessTokenException;
import dev.storefrontsession.client.MalformedResponseException;
import dev.storefrontsession.client.MissingCustomerAccessTokenException;
import dev.storefrontsession.client.StorefrontApiException;
import dev.storefrontsession.client.StorefrontGraphQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Reads Storefront API responses and turns GraphQL errors into the typed exceptions. Thread-safe.
 */
public final class ResponseParser {

  private final JsonMapper mapper;

  public ResponseParser(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * GraphQL error messages and every exception message are redacted ({@link Redactor#redact}); data
   * is not.
   *
   * @param secrets strings to keep out of exception and error messages
   * @throws StorefrontApiException on a non-2xx status
   * @throws MalformedResponseException when a 2xx body is not a GraphQL response
   */
  public ParsedResponse parse(
      String operationName,
      int status,
      byte[] body,
      OptionalInt complexity,
      Collection<String> secrets) {
    if (status < 200 || status > 299) {
      throw new StorefrontApiException(
          operationName, status, Redactor.excerpt(body, secrets), errorsOfFailure(body, secrets));
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedResponseException(
          operationName,
          status,
          "not JSON (" + Redactor.redact(e.getOriginalMessage(), secrets) + ")",
          Redactor.excerpt(body, secrets),
          null);
    }
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw new MalformedResponseException(
          operationName, status, "not a JSON object", Redactor.excerpt(body, secrets), null);
    }
    if (!root.has("data") && !root.has("errors")) {
      throw new MalformedResponseException(
          operationName, status, "neither data nor errors", Redactor.excerpt(body, secrets), null);
    }
    JsonNode data = root.path("data");
    if (!data.isMissingNode() && !data.isNull() && !data.isObject()) {
      throw new MalformedResponseException(
          operationName, status, "data is not an object", Redactor.excerpt(body, secrets), null);
    }
    JsonNode errorsNode = root.path("errors");
    if (!errorsNode.isMissingNode() && !errorsNode.isNull() && !errorsNode.isArray()) {
      throw new MalformedResponseException(
          operationName, status, "errors is not an array", Redactor.excerpt(body, secrets), null);
    }
    List<GraphQLError> errors = errorsNode.isArray() ? errors(errorsNode, secrets) : List.of();
    return new ParsedResponse(data.isObject() ? data : NullNode.getInstance(), errors, complexity);
  }

  /**
   * The typed exception for a non-empty error list: an auth code anywhere wins, else a plain
   * GraphQL error.
   */
  public static StorefrontGraphQLException classify(
      String operationName, List<GraphQLError> errors) {
    for (GraphQLError error : errors) {
      if (InvalidCustomerAccessTokenException.CODE.equals(error.code())) {
        return new InvalidCustomerAccessTokenException(operationName, errors, false);
      }
      if (MissingCustomerAccessTokenException.CODE.equals(error.code())) {
        return new MissingCustomerAccessTokenException(operationName, errors);
      }
    }
    return new StorefrontGraphQLException(operationName, errors);
  }

  private List<GraphQLError> errorsOfFailure(byte[] body, Collection<String> secrets) {
    try {
      JsonNode root = mapper.readTree(body);
      if (root != null && root.path("errors").isArray()) {
        return errors(root.path("errors"), secrets);
      }
    } catch (JacksonException e) {
      // A non-JSON error page: the status and excerpt say enough.
    }
    return List.of();
  }

  private static List<GraphQLError> errors(JsonNode array, Collection<String> secrets) {
    List<GraphQLError> out = new ArrayList<>();
    for (JsonNode e : array.values()) {
      if (!e.isObject()) {
        out.add(
            new GraphQLError(
                Redactor.redact(e.isString() ? e.stringValue() : e.toString(), secrets),
                null,
                null,
                null));
        continue;
      }
      JsonNode messageNode = e.path("message");
      String message =
          messageNode.isString()
              ? messageNode.stringValue()
              : messageNode.isMissingNode() || messageNode.isNull() ? "" : messageNode.toString();
      List<Object> path = new ArrayList<>();
      for (JsonNode p : e.path("path").values()) {
        if (p.isIntegralNumber()) {
          path.add(p.intValue());
        } else if (p.isString()) {
          path.add(p.stringValue());
        }
      }
      List<GraphQLError.Location> locations = new ArrayList<>();
      for (JsonNode l : e.path("locations").values()) {
        if (l.path("line").isIntegralNumber() && l.path("column").isIntegralNumber()) {
          locations.add(
              new GraphQLError.Location(l.path("line").intValue(), l.path("column").intValue()));
        }
      }
      JsonNode code = e.path("extensions").path("code");
      out.add(
          new GraphQLError(
              Redactor.redact(message, secrets),
              path,
              locations,
              code.isString() ? code.stringValue() : null));
    }
    return out;
  }
}
