package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code cart.createCartRedirectUrls} and the checkout it leads to, over real HTTP on an in-memory
 * H2 sandbox: one-time links bound to the cart and the customer, the checkout page, placing an
 * order, and every refusal.
 */
class CheckoutTest {

  static final MutableClock CLOCK = MutableClock.startingNow();
  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    server = Fixture.start(b -> b.clock(CLOCK));
    server.channelSiteUrl(URI.create("http://localhost:4321/"));
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String origin() {
    return server.graphqlEndpoint().resolve("/").toString().replaceAll("/$", "");
  }

  private static int orderCount(String cat) {
    return http.request(Documents.ORDERS)
        .variable("first", 50)
        .customer(cat)
        .send()
        .at("/data/customer/orders/edges")
        .size();
  }

  @Test
  void createCartRedirectUrlsWhenGuestCartThenOneTimeUrlsOnTheSandboxWithTheQueryParams() {
    String cart = Fixture.createCart(http, null, 77);
    JsonNode result =
        http.request(Checkouts.REDIRECT_URLS)
            .variable("cartId", cart)
            .variable("queryParams", List.of(Map.of("key", "utm_source", "value", "a b&c")))
            .send()
            .at("/data/cart/createCartRedirectUrls");

    assertThat(result.get("errors").size()).isZero();
    String redirected = result.at("/redirectUrls/redirectedCheckoutUrl").asString();
    String embedded = result.at("/redirectUrls/embeddedCheckoutUrl").asString();
    assertThat(redirected)
        .matches(
            java.util.regex.Pattern.quote(origin() + "/checkout/")
                + "[A-Za-z0-9_-]{43}\\?utm_source=a\\+b%26c");
    String token = redirected.substring(redirected.lastIndexOf('/') + 1, redirected.indexOf('?'));
    assertThat(embedded)
        .isEqualTo(origin() + "/checkout/embedded/" + token + "?utm_source=a+b%26c");
    assertThat(Checkouts.link(http, null, cart)).as("a new link per call").doesNotContain(token);
  }

  @Test
  void createCartRedirectUrlsWhenCartUnknownOrAnotherCustomersThenNotFoundError() {
    String cat = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    String customersCart = Fixture.createCart(http, cat, 77);

    for (String cartId : new String[] {"no-such-cart", customersCart, "", "x".repeat(5_000)}) {
      JsonNode result = Checkouts.redirectUrls(http, null, cartId);
      assertThat(result.get("redirectUrls").isNull()).as(cartId).isTrue();
      assertThat(result.at("/errors/0/__typename").asString()).isEqualTo("NotFoundError");
    }
    assertThat(Checkouts.redirectUrls(http, cat, customersCart).get("errors").size()).isZero();
  }

  @Test
  void createCartRedirectUrlsWhenTooManyQueryParamsThenInputErrorAndNoLink() {
    String cart = Fixture.createCart(http, null, 77);
    List<Map<String, String>> params = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      params.add(Map.of("key", "k" + i, "value", "v"));
    }
    SandboxHttp.Response r =
        http.request(Checkouts.REDIRECT_URLS)
            .variable("cartId", cart)
            .variable("queryParams", params)
            .send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.firstErrorCode()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void checkoutPageWhenGuestLinkThenCartEmailFieldAndSignInThroughTheStorefront() {
    String cart = Fixture.createCart(http, null, 77, 83);
    HttpResponse<String> page = Checkouts.get(Checkouts.link(http, null, cart));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Fog Linen Chambray Towel",
            "Small Mason Jar",
            "name=\"email\"",
            "href=\"http://localhost:4321/login?redirectTo=/checkout\"")
        .doesNotContain("signed-in-customer");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'");
  }

  @Test
  void checkoutPageWhenCustomerLinkThenShowsTheCustomerAndSavedAddressesWithoutEmailStep() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    String cart = Fixture.createCart(http, cat, 77);
    HttpResponse<String> page = Checkouts.get(Checkouts.link(http, cat, cart));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Checking out as <strong>Sam Shopper</strong>",
            "shopper@example.com",
            "12 Market Street",
            "href=\"http://localhost:4321/logout?redirectTo=/checkout\"")
        .doesNotContain("name=\"email\"");
  }

  @Test
  void embeddedCheckoutWhenOpenedThenOnlyTheStorefrontMayFrameIt() {
    String cart = Fixture.createCart(http, null, 77);
    String embedded =
        Checkouts.redirectUrls(http, null, cart).at("/redirectUrls/embeddedCheckoutUrl").asString();
    HttpResponse<String> page = Checkouts.get(embedded);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors http://localhost:4321");
    assertThat(page.body()).contains("name=\"embedded\" value=\"true\"", "target=\"_top\"");
  }

  @Test
  void checkoutLinkWhenOpenedTwiceThenTheSecondIsRefusedAsUsed() {
    String cart = Fixture.createCart(http, null, 77);
    String link = Checkouts.link(http, null, cart);
    assertThat(Checkouts.get(link).statusCode()).isEqualTo(200);

    HttpResponse<String> again = Checkouts.get(link);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body())
        .contains("data-reason=\"USED\"", "already been used")
        .doesNotContain("name=\"session\"");
    String embedded = link.replace("/checkout/", "/checkout/embedded/");
    assertThat(Checkouts.get(embedded).statusCode())
        .as("the embedded URL is the same link")
        .isEqualTo(410);
  }

  @Test
  void checkoutLinkWhenOlderThanItsLifetimeThenRefusedAsExpired() {
    String cart = Fixture.createCart(http, null, 77);
    String link = Checkouts.link(http, null, cart);
    CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
    try {
      HttpResponse<String> page = Checkouts.get(link);
      assertThat(page.statusCode()).isEqualTo(410);
      assertThat(page.body()).contains("data-reason=\"EXPIRED\"");
    } finally {
      CLOCK.advance(Duration.ofMinutes(-5).minusSeconds(1));
    }
  }

  @Test
  void checkoutLinkWhenForgedOrMalformedThenNotFoundPageNeverAServerError() {
    for (String token :
        new String[] {
          "A".repeat(43),
          "short",
          "%00",
          "..%2f..%2fgraphql",
          "x".repeat(3_000),
          "<script>alert(1)</script>"
        }) {
      HttpResponse<String> page =
          Checkouts.get(
              origin()
                  + "/checkout/"
                  + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(page.statusCode()).as(token).isBetween(400, 499);
      assertThat(page.body()).as(token).doesNotContain("<script>alert");
    }
    HttpResponse<String> forged = Checkouts.get(origin() + "/checkout/" + "A".repeat(43));
    assertThat(forged.statusCode()).isEqualTo(404);
    assertThat(forged.body()).contains("data-reason=\"INVALID\"", "not valid");
  }

  @Test
  void checkoutPathWhenUsedToReachGraphqlThenTheStorefrontTokenIsStillRequired() {
    HttpResponse<String> sneaky = Checkouts.get(origin() + "/checkout/../graphql");
    assertThat(sneaky.statusCode()).isNotEqualTo(200);
    SandboxHttp.Response noToken =
        http.request("{ site { settings { storeName } } }")
            .bearer(null)
            .queryString("/../checkout/x/../../graphql")
            .send();
    assertThat(noToken.status()).isIn(400, 401, 404);
  }

  @Test
  void placeOrderWhenGuestThenOrderStoredCartGoneAndOrderOnlyFoundWithItsCart() {
    String cart = Fixture.createCart(http, null, 77, 83, 83);
    String session = Checkouts.session(Checkouts.get(Checkouts.link(http, null, cart)).body());
    java.util.Map<String, String> form =
        new java.util.LinkedHashMap<>(Checkouts.guestForm(session));
    form.put("shipping", "express");

    HttpResponse<String> placed = Checkouts.place(server, form);

    assertThat(placed.statusCode()).isEqualTo(200);
    int order = Checkouts.orderNumber(placed.body());
    assertThat(placed.body())
        .contains(
            "href=\"http://localhost:4321/checkout/order-confirmation?orderId=" + order + "\"",
            "$79.00");
    assertThat(Fixture.cart(http, null, cart).isNull()).as("the cart is completed").isTrue();
    JsonNode found =
        http.request(Documents.ORDER)
            .variable("filter", Map.of("entityId", order, "cartEntityId", cart))
            .send()
            .at("/data/site/order");
    assertThat(found.get("entityId").asInt()).isEqualTo(order);
    assertThat(found.at("/status/value").asString()).isEqualTo("AWAITING_FULFILLMENT");
    assertThat(found.at("/subTotal/value").decimalValue()).isEqualByComparingTo("64.00");
    assertThat(found.at("/shippingCostTotal/value").decimalValue()).isEqualByComparingTo("15.00");
    assertThat(found.at("/totalIncTax/value").decimalValue()).isEqualByComparingTo("79.00");
    assertThat(found.at("/billingAddress/email").asString()).isEqualTo("guest@example.com");
    JsonNode lines = found.at("/consignments/shipping/edges/0/node/lineItems/edges");
    assertThat(lines.size()).isEqualTo(2);
    assertThat(lines.get(1).at("/node/quantity").asInt()).isEqualTo(2);

    assertThat(
            http.request(Documents.ORDER)
                .variable("filter", Map.of("entityId", order))
                .send()
                .at("/data/site/order")
                .isNull())
        .as("no cart id, no guest order")
        .isTrue();
    assertThat(
            http.request(Documents.ORDER)
                .variable("filter", Map.of("entityId", order, "cartEntityId", "other"))
                .send()
                .at("/data/site/order")
                .isNull())
        .isTrue();
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    assertThat(
            http.request(Documents.ORDER)
                .customer(cat)
                .variable("filter", Map.of("entityId", order, "cartEntityId", cart))
                .send()
                .at("/data/site/order")
                .isNull())
        .as("not a customer's order")
        .isTrue();
  }

  @Test
  void placeOrderWhenCustomerWithSavedAddressThenInTheirOrdersWithLinesAndTotals() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    int before = orderCount(cat);
    String cart = Fixture.createCart(http, cat, 77, 89);
    String session = Checkouts.session(Checkouts.get(Checkouts.link(http, cat, cart)).body());

    HttpResponse<String> placed =
        Checkouts.place(
            server,
            Map.of("session", session, "addressId", "1", "shipping", "free", "payment", "test"));

    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
    int order = Checkouts.orderNumber(placed.body());
    assertThat(orderCount(cat)).isEqualTo(before + 1);
    JsonNode found =
        http.request(Documents.ORDER)
            .customer(cat)
            .variable("filter", Map.of("entityId", order))
            .send()
            .at("/data/site/order");
    assertThat(found.at("/billingAddress/address1").asString()).isEqualTo("12 Market Street");
    assertThat(found.at("/billingAddress/email").asString()).isEqualTo("shopper@example.com");
    assertThat(found.at("/totalIncTax/value").decimalValue()).isEqualByComparingTo("73.00");
    assertThat(found.at("/consignments/shipping/edges/0/node/lineItems/edges").size()).isEqualTo(2);
    assertThat(Fixture.cart(http, cat, cart).isNull()).isTrue();
  }

  @Test
  void placeOrderWhenFormIncompleteThenFormAgainWithErrorsAndNoOrder() {
    String cart = Fixture.createCart(http, null, 77);
    String session = Checkouts.session(Checkouts.get(Checkouts.link(http, null, cart)).body());
    java.util.Map<String, String> form =
        new java.util.LinkedHashMap<>(Checkouts.guestForm(session));
    form.put("email", "not-an-email");
    form.remove("city");
    form.put("countryCode", "ZZ");
    form.put("firstName", "<b>Eve</b>");

    HttpResponse<String> again = Checkouts.place(server, form);

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body())
        .contains("email-error", "city-error", "countryCode-error", "&lt;b&gt;Eve&lt;/b&gt;")
        .doesNotContain("<b>Eve</b>");
    assertThat(Checkouts.session(again.body())).isEqualTo(session);
    assertThat(Fixture.cart(http, null, cart).isNull()).as("cart kept").isFalse();
    assertThat(Checkouts.place(server, Checkouts.guestForm(session)).statusCode()).isEqualTo(200);
  }

  @Test
  void placeOrderWhenSubmittedTwiceOrConcurrentlyThenOneOrder() throws Exception {
    String cat = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    int before = orderCount(cat);
    String cart = Fixture.createCart(http, cat, 77);
    String session = Checkouts.session(Checkouts.get(Checkouts.link(http, cat, cart)).body());
    Map<String, String> form =
        Map.of("session", session, "addressId", "2", "shipping", "free", "payment", "test");

    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        answers.add(
            pool.submit((Callable<HttpResponse<String>>) () -> Checkouts.place(server, form)));
      }
      List<Integer> orders = new ArrayList<>();
      for (Future<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        orders.add(Checkouts.orderNumber(r.body()));
      }
      assertThat(orders).as("every submit shows the one order").containsOnly(orders.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(Checkouts.orderNumber(Checkouts.place(server, form).body())).isPositive();
    assertThat(orderCount(cat)).isEqualTo(before + 1);
  }

  @Test
  void secondLinkOfTheSameCartWhenTheFirstPlacedTheOrderThenRefusedAsCheckedOut() {
    String cart = Fixture.createCart(http, null, 77);
    String first = Checkouts.link(http, null, cart);
    String second = Checkouts.link(http, null, cart);
    String secondSession = Checkouts.session(Checkouts.get(second).body());
    String session = Checkouts.session(Checkouts.get(first).body());
    assertThat(Checkouts.place(server, Checkouts.guestForm(session)).statusCode()).isEqualTo(200);

    HttpResponse<String> other = Checkouts.place(server, Checkouts.guestForm(secondSession));
    assertThat(other.statusCode()).isEqualTo(410);
    assertThat(other.body()).contains("data-reason=\"CART_GONE\"");
    assertThat(Checkouts.get(first).statusCode()).isEqualTo(410);
    assertThat(Checkouts.redirectUrls(http, null, cart).at("/errors/0/__typename").asString())
        .as("no new link for a completed cart")
        .isEqualTo("NotFoundError");
  }

  @Test
  void guestLinkWhenTheCartWasThenTakenOverByACustomerThenRefusedAsAnotherCustomers() {
    String cart = Fixture.createCart(http, null, 77);
    String guestLink = Checkouts.link(http, null, cart);
    String openedSession =
        Checkouts.session(Checkouts.get(Checkouts.link(http, null, cart)).body());
    // A customer without a cart of their own: the guest cart becomes theirs (no merge).
    String email = "takeover-" + System.nanoTime() + "@example.com";
    http.request(Documents.REGISTER)
        .variable(
            "input",
            Map.of(
                "firstName",
                "Tess",
                "lastName",
                "Takeover",
                "email",
                email,
                "password",
                "Takeover-Pass-1"))
        .send();
    JsonNode login = Fixture.login(http, email, "Takeover-Pass-1", cart);
    assertThat(login.at("/cart/entityId").asString()).isEqualTo(cart);

    HttpResponse<String> page = Checkouts.get(guestLink);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("data-reason=\"OTHER_CUSTOMER\"");
    HttpResponse<String> placed = Checkouts.place(server, Checkouts.guestForm(openedSession));
    assertThat(placed.statusCode()).isEqualTo(403);
    assertThat(Checkouts.redirectUrls(http, null, cart).at("/errors/0/__typename").asString())
        .isEqualTo("NotFoundError");
  }

  @Test
  void placeOrderWhenSessionForgedOrEndedThenRefused() {
    assertThat(Checkouts.place(server, Checkouts.guestForm("B".repeat(43))).statusCode())
        .isEqualTo(404);
    assertThat(Checkouts.place(server, Map.of()).statusCode()).isEqualTo(404);
    String cart = Fixture.createCart(http, null, 77);
    String session = Checkouts.session(Checkouts.get(Checkouts.link(http, null, cart)).body());
    CLOCK.advance(Duration.ofMinutes(31));
    try {
      HttpResponse<String> late = Checkouts.place(server, Checkouts.guestForm(session));
      assertThat(late.statusCode()).isEqualTo(410);
      assertThat(late.body()).contains("data-reason=\"EXPIRED\"");
    } finally {
      CLOCK.advance(Duration.ofMinutes(-31));
    }
    assertThat(Fixture.cart(http, null, cart).isNull()).as("nothing ordered").isFalse();
  }

  @Test
  void channelSiteUrlWhenNotAnHttpOriginThenRefusedAndTheOldOneKept() {
    for (String bad :
        new String[] {
          "javascript:alert(1)",
          "http://localhost:4321/?next=evil",
          "ftp://x.example",
          "http://user@localhost:4321",
          "/relative",
          "http://localhost:4321/#f"
        }) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> server.channelSiteUrl(URI.create(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.channelSiteUrl()).isEqualTo(URI.create("http://localhost:4321"));
  }

  @Test
  void checkoutPagesWhenTheCartsChannelHasASiteOfItsOwnThenTheyLinkThereEvenOnARepeatedSubmit() {
    server.channelSiteUrl(2, URI.create("http://localhost:4321/fr/"));
    SandboxHttp.Response created =
        http.request(Documents.CREATE_CART)
            .channel(2)
            .variable(
                "createCartInput",
                Map.of("lineItems", List.of(Map.of("productEntityId", 77, "quantity", 1))))
            .send();
    String cart = created.at("/data/cart/createCart/cart/entityId").asString();
    String link =
        http.request(Checkouts.REDIRECT_URLS)
            .channel(2)
            .variable("cartId", cart)
            .send()
            .at("/data/cart/createCartRedirectUrls/redirectUrls/redirectedCheckoutUrl")
            .asString();

    HttpResponse<String> page = Checkouts.get(link);

    assertThat(page.body())
        .contains(
            "href=\"http://localhost:4321/fr/login?redirectTo=/checkout\"",
            "href=\"http://localhost:4321/fr/cart\"",
            "name=\"channel\" value=\"2\"");
    Map<String, String> form =
        new java.util.LinkedHashMap<>(Checkouts.guestForm(Checkouts.session(page.body())));
    form.put("channel", "2");
    HttpResponse<String> placed = Checkouts.place(server, form);
    int order = Checkouts.orderNumber(placed.body());
    String confirmation =
        "href=\"http://localhost:4321/fr/checkout/order-confirmation?orderId=" + order + "\"";
    assertThat(placed.body()).contains(confirmation);
    assertThat(Checkouts.place(server, form).body())
        .as("a repeated submit, the cart gone: the same order, the same storefront")
        .contains("Order number <strong>" + order + "</strong>", confirmation);
    assertThat(server.channelSiteUrl(2)).isEqualTo(URI.create("http://localhost:4321/fr"));
    assertThat(server.channelSiteUrl(1)).isEqualTo(URI.create("http://localhost:4321"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> server.channelSiteUrl(99, URI.create("http://localhost:4321/xx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no channel 99");
  }

  @Test
  void customerCheckoutWhenTheCustomerSignedOutMeanwhileThenRefusedAndNothingOrdered() {
    String cat = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    int before = orderCount(Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD));
    String cart = Fixture.createCart(http, cat, 77);
    String unopened = Checkouts.link(http, cat, cart);
    String session = Checkouts.session(Checkouts.get(Checkouts.link(http, cat, cart)).body());

    SandboxHttp.Response out =
        http.request(Documents.LOGOUT)
            .variable("cartEntityId", cart)
            .customer(cat)
            .validateToken()
            .send();
    assertThat(out.at("/data/logout/result").asString()).isEqualTo("success");

    HttpResponse<String> placed =
        Checkouts.place(
            server,
            Map.of("session", session, "addressId", "2", "shipping", "free", "payment", "test"));
    assertThat(placed.statusCode()).isEqualTo(403);
    assertThat(placed.body()).contains("data-reason=\"SIGNED_OUT\"");
    HttpResponse<String> opened = Checkouts.get(unopened);
    assertThat(opened.statusCode()).isEqualTo(403);
    assertThat(opened.body()).contains("data-reason=\"SIGNED_OUT\"").doesNotContain("Wren");
    assertThat(orderCount(Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD)))
        .isEqualTo(before);
  }
}
