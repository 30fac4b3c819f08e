package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Test steps of checkout: the mutation over GraphQL, the pages as a browser (no storefront token)
 * sees them.
 */
final class Checkouts {

  static final String REDIRECT_URLS =
      """
      mutation CheckoutRedirect($cartId: String, $queryParams: [CreateCartRedirectUrlsQueryParamsInput!]) {
        cart {
          createCartRedirectUrls(input: {cartEntityId: $cartId, queryParams: $queryParams}) {
            redirectUrls { redirectedCheckoutUrl embeddedCheckoutUrl }
            errors { __typename ... on NotFoundError { message } }
          }
        }
      }""";

  private static final HttpClient BROWSER =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern SESSION =
      Pattern.compile("name=\"session\" value=\"([A-Za-z0-9_-]+)\"");

  private Checkouts() {}

  /** The mutation's {@code createCartRedirectUrls} result; {@code cat} null for a guest. */
  static JsonNode redirectUrls(SandboxHttp http, String cat, String cartId) {
    SandboxHttp.Request r = http.request(REDIRECT_URLS).variable("cartId", cartId).validateToken();
    if (cat != null) {
      r.customer(cat);
    }
    SandboxHttp.Response response = r.send();
    assertThat(response.body().has("errors")).as("errors: %s", response.body()).isFalse();
    return response.at("/data/cart/createCartRedirectUrls");
  }

  /** A fresh redirected checkout URL for the cart (asserting there was no error). */
  static String link(SandboxHttp http, String cat, String cartId) {
    JsonNode result = redirectUrls(http, cat, cartId);
    assertThat(result.get("errors").size()).as(result.toString()).isZero();
    return result.at("/redirectUrls/redirectedCheckoutUrl").asString();
  }

  static HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  /** Posts the checkout form (url-encoded) to the sandbox. */
  static HttpResponse<String> place(SandboxServer server, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(server.graphqlEndpoint().resolve("/checkout/place"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The session secret of a checkout form page. */
  static String session(String html) {
    Matcher m = SESSION.matcher(html);
    assertThat(m.find()).as("a checkout form: %s", html).isTrue();
    return m.group(1);
  }

  /** A guest's complete form: email, a new address, free shipping, the test payment. */
  static Map<String, String> guestForm(String session) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("session", session);
    form.put("email", "guest@example.com");
    form.put("firstName", "Gus");
    form.put("lastName", "Guest");
    form.put("address1", "1 Test Road");
    form.put("city", "Springfield");
    form.put("postalCode", "12345");
    form.put("countryCode", "US");
    form.put("shipping", "free");
    form.put("payment", "test");
    return form;
  }

  static int orderNumber(String html) {
    Matcher m = Pattern.compile("Order number <strong>(\\d+)</strong>").matcher(html);
    assertThat(m.find()).as("an order page: %s", html).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return BROWSER.send(
          b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
