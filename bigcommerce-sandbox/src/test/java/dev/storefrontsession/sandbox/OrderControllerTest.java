package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Order history for the account pages. */
class OrderControllerTest {

  static SandboxServer server;
  static SandboxHttp http;
  static String shopper;

  @BeforeAll
  static void start() {
    server = Fixture.start();
    http = new SandboxHttp(server);
    shopper = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void ordersWhenShopperThenNewestFirstWithTotals() {
    JsonNode orders =
        http.request(Documents.ORDERS).customer(shopper).send().at("/data/customer/orders");
    assertThat(orders.get("edges").size()).isEqualTo(3);
    assertThat(orders.at("/edges/0/node/entityId").asInt()).isEqualTo(103);
    assertThat(orders.at("/edges/0/node/status/value").asString())
        .isEqualTo("AWAITING_FULFILLMENT");
    assertThat(orders.at("/edges/2/node/orderedAt/utc").asString())
        .isEqualTo("2025-09-14T15:30:00Z");
    assertThat(orders.at("/edges/2/node/totalProductQuantity").asInt()).isEqualTo(6);
  }

  @Test
  void ordersWhenPagedThenCursorContinues() {
    JsonNode first =
        http.request(Documents.ORDERS)
            .variable("first", 2)
            .customer(shopper)
            .send()
            .at("/data/customer/orders");
    assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
    JsonNode second =
        http.request(Documents.ORDERS)
            .variable("first", 2)
            .variable("after", first.at("/pageInfo/endCursor").asString())
            .customer(shopper)
            .send()
            .at("/data/customer/orders");
    assertThat(second.get("edges").size()).isEqualTo(1);
    assertThat(second.at("/edges/0/node/entityId").asInt()).isEqualTo(101);
  }

  @Test
  void ordersWhenFilteredByStatusAndDateThenOnlyMatching() {
    JsonNode completed =
        http.request(Documents.ORDERS)
            .variable("filters", Map.of("status", "COMPLETED"))
            .customer(shopper)
            .send()
            .at("/data/customer/orders/edges");
    assertThat(completed.size()).isEqualTo(1);
    JsonNode in2026 =
        http.request(Documents.ORDERS)
            .variable("filters", Map.of("dateRange", Map.of("from", "2026-01-01T00:00:00Z")))
            .customer(shopper)
            .send()
            .at("/data/customer/orders/edges");
    assertThat(in2026.size()).isEqualTo(1);
  }

  @Test
  void orderWhenOwnThenDetails() {
    JsonNode order =
        http.request(Documents.ORDER)
            .variable("filter", Map.of("entityId", 101))
            .customer(shopper)
            .send()
            .at("/data/site/order");
    assertThat(order.at("/subTotal/value").decimalValue()).isEqualByComparingTo("128");
    assertThat(order.at("/billingAddress/city").asString()).isEqualTo("Austin");
    assertThat(order.at("/totalIncTax/value").decimalValue()).isEqualByComparingTo("148.19");
  }

  @Test
  void orderWhenSomeoneElsesOrGuestThenNull() {
    assertThat(
            http.request(Documents.ORDER)
                .variable("filter", Map.of("entityId", 201))
                .customer(shopper)
                .send()
                .at("/data/site/order")
                .isNull())
        .isTrue();
    assertThat(
            http.request(Documents.ORDER)
                .variable("filter", Map.of("entityId", 101))
                .send()
                .at("/data/site/order")
                .isNull())
        .isTrue();
  }

  @Test
  void orderWhenDetailsAskedThenOneShippingConsignmentWithTheLineItems() {
    JsonNode consignment =
        http.request(Documents.ORDER)
            .variable("filter", Map.of("entityId", 101))
            .customer(shopper)
            .send()
            .at("/data/site/order/consignments/shipping/edges/0/node");
    assertThat(consignment.at("/shippingAddress/city").asString()).isEqualTo("Austin");
    JsonNode lines = consignment.at("/lineItems/edges");
    assertThat(lines.size()).isEqualTo(2);
    assertThat(lines.at("/0/node/name").asString()).isEqualTo("Fog Linen Chambray Towel");
    assertThat(lines.at("/0/node/quantity").asInt()).isEqualTo(2);
    assertThat(lines.at("/0/node/subTotalListPrice/value").decimalValue())
        .isEqualByComparingTo("98");
    assertThat(lines.at("/1/node/sku").asString()).isEqualTo("SMJ");
  }
}
