package dev.storefrontsession.storefront.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.storefront.internal.Views.OrderLine;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading an order's lines from {@code consignments.shipping.edges.node.lineItems}. */
class AccountServiceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static String item(int id, String name, int quantity, String total) {
    return "{\"node\":{\"entityId\":"
        + id
        + ",\"productEntityId\":"
        + (70 + id)
        + ",\"name\":\""
        + name
        + "\",\"sku\":\"S"
        + id
        + "\",\"quantity\":"
        + quantity
        + ",\"subTotalListPrice\":{\"value\":"
        + total
        + ",\"currencyCode\":\"USD\"}"
        + ",\"subTotalSalePrice\":{\"value\":"
        + total
        + ",\"currencyCode\":\"USD\"}}}";
  }

  private static String consignment(String... items) {
    return "{\"node\":{\"entityId\":1,\"lineItems\":{\"edges\":["
        + String.join(",", items)
        + "]}}}";
  }

  @Test
  void orderLinesWhenTwoConsignmentsThenAllLinesInOrderWithUnitPriceAndTotal() {
    List<OrderLine> lines =
        AccountService.orderLines(
            JSON.readTree(
                "{\"consignments\":{\"shipping\":{\"edges\":["
                    + consignment(item(1, "Towel", 2, "98.00"), item(2, "Jar", 3, "10.00"))
                    + ","
                    + consignment(item(3, "Skillet", 1, "79.00"))
                    + "]}}}"));
    assertThat(lines).extracting(OrderLine::name).containsExactly("Towel", "Jar", "Skillet");
    assertThat(lines.get(0).quantity()).isEqualTo(2);
    assertThat(lines.get(0).unitPrice()).isEqualTo("$49.00");
    assertThat(lines.get(0).total()).isEqualTo("$98.00");
    assertThat(lines.get(1).unitPrice()).as("rounded to cents").isEqualTo("$3.33");
    assertThat(lines.get(2).productEntityId()).isEqualTo(73);
  }

  @Test
  void orderLinesWhenNoConsignmentsThenEmpty() {
    assertThat(AccountService.orderLines(JSON.readTree("{\"consignments\":null}"))).isEmpty();
    assertThat(AccountService.orderLines(JSON.readTree("{}"))).isEmpty();
  }

  @Test
  void orderLinesWhenQuantityZeroThenNoUnitPriceButTotalShown() {
    List<OrderLine> lines =
        AccountService.orderLines(
            JSON.readTree(
                "{\"consignments\":{\"shipping\":{\"edges\":["
                    + consignment(item(1, "Towel", 0, "0.00"))
                    + "]}}}"));
    assertThat(lines)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.unitPrice()).isNull();
              assertThat(l.total()).isEqualTo("$0.00");
            });
  }
}
