package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * Test steps on the store's checkout (the embedded sandbox's pages), as the shopper's browser sees
 * them: no storefront cookies go there, only the one-time link and the form.
 */
final class SandboxCheckoutPage {

  private static final HttpClient BROWSER =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final Pattern SESSION =
      Pattern.compile("name=\"session\" value=\"([A-Za-z0-9_-]+)\"");
  private static final Pattern ORDER = Pattern.compile("Order number <strong>(\\d+)</strong>");
  private static final Pattern CONTINUE =
      Pattern.compile("id=\"continue\" class=\"button\" href=\"([^\"]+)\"");

  final URI url;
  final HttpResponse<String> response;

  private SandboxCheckoutPage(URI url, HttpResponse<String> response) {
    this.url = url;
    this.response = response;
  }

  static SandboxCheckoutPage open(String checkoutUrl) {
    URI url = URI.create(checkoutUrl);
    return new SandboxCheckoutPage(url, send(HttpRequest.newBuilder(url).GET()));
  }

  int status() {
    return response.statusCode();
  }

  String body() {
    return response.body();
  }

  /**
   * Places the order as a guest (email and a new address) or, with {@code addressId}, a signed-in
   * customer.
   */
  SandboxCheckoutPage placeOrder(String email, String addressId) {
    return placeOrder(email, addressId, "free");
  }

  /** As {@link #placeOrder(String, String)}, with the shipping method {@code shipping}. */
  SandboxCheckoutPage placeOrder(String email, String addressId, String shipping) {
    Matcher m = SESSION.matcher(body());
    assertThat(m.find()).as("a checkout form: %s", body()).isTrue();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("session", m.group(1));
    if (email != null) {
      form.put("email", email);
    }
    if (addressId != null) {
      form.put("addressId", addressId);
    } else {
      form.putAll(
          Map.of(
              "firstName",
              "Pat",
              "lastName",
              "Placer",
              "address1",
              "5 Checkout Lane",
              "city",
              "Portland",
              "postalCode",
              "97201",
              "countryCode",
              "US"));
    }
    form.put("shipping", shipping);
    form.put("payment", "test");
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    URI action = url.resolve("/checkout/place");
    return new SandboxCheckoutPage(
        action,
        send(
            HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  int orderNumber() {
    Matcher m = ORDER.matcher(body());
    assertThat(m.find()).as("an order page: %s", body()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** The "continue to the store" link: the storefront's order confirmation. */
  URI returnUrl() {
    Matcher m = CONTINUE.matcher(body());
    assertThat(m.find()).as("a continue link: %s", body()).isTrue();
    return URI.create(m.group(1).replace("&amp;", "&"));
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return BROWSER.send(
          b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
