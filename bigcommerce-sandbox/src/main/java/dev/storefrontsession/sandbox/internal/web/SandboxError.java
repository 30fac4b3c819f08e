package dev.storefrontsession.sandbox.internal.web;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GraphQL error shaped as BigCommerce's: message, locations, path and {@code extensions.code}
 * only.
 */
public final class SandboxError implements GraphQLError {

  private final String message;
  private final List<SourceLocation> locations;
  private final List<Object> path;
  private final String code;

  public SandboxError(
      String message, List<SourceLocation> locations, List<Object> path, String code) {
    this.message = message;
    this.locations = locations == null ? List.of() : List.copyOf(locations);
    this.path = path == null ? null : List.copyOf(path);
    this.code = code;
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public List<SourceLocation> getLocations() {
    return locations;
  }

  @Override
  public List<Object> getPath() {
    return path;
  }

  @Override
  public ErrorClassification getErrorType() {
    return null;
  }

  @Override
  public Map<String, Object> getExtensions() {
    return code == null ? null : Map.of("code", code);
  }

  @Override
  public Map<String, Object> toSpecification() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("message", message);
    if (!locations.isEmpty()) {
      List<Map<String, Object>> locs = new ArrayList<>();
      for (SourceLocation l : locations) {
        locs.add(Map.of("line", l.getLine(), "column", l.getColumn()));
      }
      spec.put("locations", locs);
    }
    if (path != null) {
      spec.put("path", path);
    }
    if (code != null) {
      spec.put("extensions", Map.of("code", code));
    }
    return spec;
  }
}
