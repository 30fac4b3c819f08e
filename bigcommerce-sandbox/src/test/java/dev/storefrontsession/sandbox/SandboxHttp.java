package dev.storefrontsession.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Test client: posts GraphQL JSON to a sandbox over real HTTP with the JDK client. */
final class SandboxHttp {

  static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final SandboxServer server;

  SandboxHttp(SandboxServer server) {
    this.server = server;
  }

  /** A response: status, headers and the parsed JSON body. */
  record Response(int status, HttpResponse<String> raw, JsonNode body) {
    JsonNode data() {
      return body.get("data");
    }

    JsonNode at(String pointer) {
      return body.at(pointer);
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String firstErrorCode() {
      return body.at("/errors/0/extensions/code").asString(null);
    }

    String firstErrorMessage() {
      return body.at("/errors/0/message").asString(null);
    }
  }

  /** Sends an arbitrary request (with the storefront token) and returns status and body text. */
  HttpResponse<String> raw(String method, String path, String body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(server.graphqlEndpoint().resolve(path))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + server.settings().storefrontToken())
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Request request(String query) {
    return new Request(query);
  }

  /** Builder for one request. */
  final class Request {
    private final String query;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String bearer;
    private String path = "";
    private String channel;

    Request(String query) {
      this.query = query;
      this.bearer = server.settings().storefrontToken();
      headers.put("Content-Type", "application/json");
      headers.put("Accept", "application/json");
    }

    Request variable(String name, Object value) {
      variables.put(name, value);
      return this;
    }

    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Request customer(String cat) {
      headers.put("X-Bc-Customer-Access-Token", cat);
      return this;
    }

    /** Sets the header Catalyst sends on almost every request. */
    Request validateToken() {
      headers.put("X-Bc-Error-On-Invalid-Customer-Access-Token", "true");
      return this;
    }

    Request bearer(String token) {
      this.bearer = token;
      return this;
    }

    Request queryString(String qs) {
      this.path = qs;
      return this;
    }

    /**
     * Sends to channel {@code id}'s endpoint, {@code /channels/<id>/graphql}, instead of the
     * default channel's.
     */
    Request channel(Object id) {
      this.channel = String.valueOf(id);
      return this;
    }

    Response send() {
      try {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (!variables.isEmpty()) {
          body.put("variables", variables);
        }
        String endpoint =
            channel == null
                ? server.graphqlEndpoint().toString()
                : server.graphqlEndpointTemplate().replace("{channelId}", channel);
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create(endpoint + path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(b::header);
        if (bearer != null) {
          b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> raw = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = raw.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(raw.body());
        return new Response(raw.statusCode(), raw, json);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
