package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.web.ChannelFilter;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /graphql}: reads {@code {"query", "variables", "operationName"}}, runs it and answers
 * {@code application/json} with HTTP 200 (BigCommerce answers GraphQL errors with 200 too). Unlike
 * Spring's {@code GraphQlHttpHandler} it never logs the request, whose variables hold passwords and
 * tokens. Thread-safe.
 */
final class GraphQlEndpoint {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final WebGraphQlHandler handler;

  GraphQlEndpoint(WebGraphQlHandler handler) {
    this.handler = handler;
  }

  ServerResponse handle(ServerRequest request) throws Exception {
    Map<String, Object> body;
    try {
      body = JSON.readValue(request.servletRequest().getInputStream(), JSON_OBJECT);
    } catch (JacksonException e) {
      return error(
          HttpStatus.BAD_REQUEST,
          "The request body must be JSON with a query: {\"query\": \"...\", \"variables\": {...}}");
    }
    if (body == null || !(body.get("query") instanceof String query) || query.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "The request body has no \"query\" string.");
    }
    Object variables = body.get("variables");
    if (variables != null && !(variables instanceof Map)) {
      return error(HttpStatus.BAD_REQUEST, "\"variables\" must be a JSON object.");
    }
    Object operationName = body.get("operationName");
    if (operationName != null && !(operationName instanceof String)) {
      return error(HttpStatus.BAD_REQUEST, "\"operationName\" must be a string.");
    }
    InetSocketAddress remote = request.remoteAddress().orElse(null);
    WebGraphQlRequest graphQlRequest =
        new WebGraphQlRequest(
            request.uri(),
            request.headers().asHttpHeaders(),
            new LinkedMultiValueMap<String, HttpCookie>(),
            remote,
            attributes(request),
            body,
            UUID.randomUUID().toString(),
            Locale.ROOT);
    WebGraphQlResponse response = handler.handleRequest(graphQlRequest).block();
    return ServerResponse.ok()
        .headers(h -> h.addAll(response.getResponseHeaders()))
        .contentType(MediaType.APPLICATION_JSON)
        .body(response.toMap());
  }

  /** The channel {@code ChannelFilter} decided, for the request context. */
  private static Map<String, Object> attributes(ServerRequest request) {
    Object channel = request.servletRequest().getAttribute(ChannelFilter.ATTRIBUTE);
    return channel == null ? Map.of() : Map.of(ChannelFilter.ATTRIBUTE, channel);
  }

  static ServerResponse error(HttpStatus status, String message) {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"errors\":[{\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}]}");
  }
}
