package dev.storefrontsession.storefront.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.storefront.internal.Views.PriceView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The price display rule (Catalyst's pricesTransformer): range, sale, or the calculated price. */
class CatalogServiceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static PriceView prices(String json) {
    return CatalogService.prices(JSON.readTree(json));
  }

  private static String money(String value) {
    return "{\"value\":" + value + ",\"currencyCode\":\"USD\"}";
  }

  @Test
  void pricesWhenPlainThenShowsCalculatedPriceOnly() {
    PriceView view =
        prices(
            "{\"price\":"
                + money("49.00")
                + ",\"basePrice\":"
                + money("49.00")
                + ",\"salePrice\":null,\"priceRange\":{\"min\":"
                + money("49.00")
                + ",\"max\":"
                + money("49.00")
                + "}}");
    assertThat(view.price()).isEqualTo("$49.00");
    assertThat(view.isSale()).isFalse();
    assertThat(view.isRange()).isFalse();
  }

  @Test
  void pricesWhenCustomerGroupPriceThenShowsItNotTheBasePrice() {
    PriceView view =
        prices(
            "{\"price\":"
                + money("39.20")
                + ",\"basePrice\":"
                + money("49.00")
                + ",\"priceRange\":{\"min\":"
                + money("39.20")
                + ",\"max\":"
                + money("39.20")
                + "}}");
    assertThat(view.price()).isEqualTo("$39.20");
    assertThat(view.isSale()).as("no sale price, so no strike-through").isFalse();
  }

  @Test
  void pricesWhenOnSaleThenBasePriceStruckThrough() {
    PriceView view =
        prices(
            "{\"price\":"
                + money("25.00")
                + ",\"basePrice\":"
                + money("30.00")
                + ",\"salePrice\":"
                + money("25.00")
                + ",\"priceRange\":{\"min\":"
                + money("25.00")
                + ",\"max\":"
                + money("25.00")
                + "}}");
    assertThat(view.price()).isEqualTo("$25.00");
    assertThat(view.compareAt()).isEqualTo("$30.00");
    assertThat(view.isSale()).isTrue();
  }

  @Test
  void pricesWhenRangeThenShowsMinAndMax() {
    PriceView view =
        prices(
            "{\"price\":"
                + money("10.00")
                + ",\"priceRange\":{\"min\":"
                + money("10.00")
                + ",\"max\":"
                + money("20.00")
                + "}}");
    assertThat(view.isRange()).isTrue();
    assertThat(view.rangeMin()).isEqualTo("$10.00");
    assertThat(view.rangeMax()).isEqualTo("$20.00");
  }

  @Test
  void pricesWhenStoreFormattedThenUsesStoreFormatting() {
    PriceView view =
        prices(
            "{\"price\":{\"value\":5,\"currencyCode\":\"EUR\",\"formattedV2\":\"5,00 €\"},"
                + "\"priceRange\":{\"min\":{\"value\":5,\"currencyCode\":\"EUR\"},\"max\":{\"value\":5,\"currencyCode\":\"EUR\"}}}");
    assertThat(view.price()).isEqualTo("5,00 €");
  }

  @Test
  void pricesWhenAbsentThenNull() {
    assertThat(prices("null")).isNull();
  }
}
