package dev.storefrontsession.client;

import java.util.List;

/**
 * One element of a response's top-level {@code errors} array.
 *
 * @param message the error message (may be empty, never null)
 * @param path the response path, field names and list indexes (empty when absent)
 * @param locations the document locations (empty when absent)
 * @param code {@code extensions.code}, or null
 */
public record GraphQLError(
    String message, List<Object> path, List<Location> locations, String code) {

  /** A line/column position in the request document. */
  public record Location(int line, int column) {}

  public GraphQLError {
    message = message == null ? "" : message;
    path = path == null ? List.of() : List.copyOf(path);
    locations = locations == null ? List.of() : List.copyOf(locations);
  }

  @Override
  public String toString() {
    return (code == null ? "" : "[" + code + "] ")
        + message
        + (path.isEmpty() ? "" : " at " + path);
  }
}
