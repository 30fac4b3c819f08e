package dev.storefrontsession.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Raw Storefront GraphQL calls to the sandbox over real HTTP, server to server as Catalyst makes
 * them ({@code Authorization: Bearer <storefront token>}, the CAT in {@code
 * X-Bc-Customer-Access-Token}). Independent of the bigcommerce-client module, so a test can check
 * what the storefront put in a cookie against the store itself.
 */
final class SandboxGraphql {

  /** A customer signed in by the {@code login} mutation. */
  record Login(
      String customerAccessToken,
      String expiresAt,
      int entityId,
      String firstName,
      String lastName,
      String email) {
    @Override
    public String toString() {
      return "Login[customerAccessToken=<redacted>, entityId="
          + entityId
          + ", email="
          + email
          + "]";
    }
  }

  private final SandboxFixture store;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  SandboxGraphql(SandboxFixture store) {
    this.store = store;
  }

  /** The whole response ({@code data}, {@code errors}); the CAT may be null (a guest request). */
  JsonNode query(String document, Map<String, Object> variables, String customerAccessToken) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", document);
    body.put("variables", variables);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(store.graphqlEndpoint())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + store.settings().storefrontToken())
            .header("X-Bc-Error-On-Invalid-Customer-Access-Token", "true")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(AuthJsScript.JSON.writeValueAsBytes(body)));
    if (customerAccessToken != null) {
      request.header("X-Bc-Customer-Access-Token", customerAccessToken);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("sandbox GraphQL answered " + response.statusCode());
      }
      return AuthJsScript.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode data(String document, Map<String, Object> variables, String customerAccessToken) {
    JsonNode response = query(document, variables, customerAccessToken);
    if (response.has("errors")) {
      throw new AssertionError("sandbox GraphQL errors: " + response.get("errors"));
    }
    return response.get("data");
  }

  Login login(String email, String password) {
    JsonNode login =
        data(
                """
        mutation Login($email: String!, $password: String!) {
          login(email: $email, password: $password) {
            customerAccessToken { value expiresAt }
            customer { entityId firstName lastName email }
          }
        }""",
                Map.of("email", email, "password", password),
                null)
            .path("login");
    JsonNode customer = login.path("customer");
    return new Login(
        login.path("customerAccessToken").path("value").asString(),
        login.path("customerAccessToken").path("expiresAt").asString(),
        customer.path("entityId").asInt(),
        customer.path("firstName").asString(),
        customer.path("lastName").asString(),
        customer.path("email").asString());
  }

  /** {@code customer { email }} with the CAT: the email, or null for an unknown/invalid token. */
  String customerEmail(String customerAccessToken) {
    JsonNode response = query("query { customer { email } }", Map.of(), customerAccessToken);
    JsonNode email = response.path("data").path("customer").path("email");
    return email.isString() ? email.asString() : null;
  }

  /** A new cart of the customer with one line of the product; its entity id. */
  String createCart(String customerAccessToken, int productEntityId) {
    return data(
            """
        mutation Create($input: CreateCartInput!) {
          cart { createCart(input: $input) { cart { entityId } } }
        }""",
            Map.of(
                "input",
                Map.of(
                    "lineItems",
                    java.util.List.of(Map.of("quantity", 1, "productEntityId", productEntityId)))),
            customerAccessToken)
        .path("cart")
        .path("createCart")
        .path("cart")
        .path("entityId")
        .asString();
  }

  /** Product ids and quantities of the cart's physical lines, as the customer sees it. */
  Map<Integer, Integer> cartLines(String cartEntityId, String customerAccessToken) {
    JsonNode cart =
        data(
                """
        query Cart($id: String) {
          site { cart(entityId: $id) { entityId lineItems { physicalItems { productEntityId quantity } } } }
        }""",
                Map.of("id", cartEntityId),
                customerAccessToken)
            .path("site")
            .path("cart");
    Map<Integer, Integer> lines = new LinkedHashMap<>();
    for (JsonNode item : cart.path("lineItems").path("physicalItems")) {
      lines.merge(
          item.path("productEntityId").asInt(), item.path("quantity").asInt(), Integer::sum);
    }
    return lines;
  }
}
