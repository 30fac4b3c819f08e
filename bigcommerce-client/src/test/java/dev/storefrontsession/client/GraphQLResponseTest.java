package dev.storefrontsession.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GraphQLResponseTest {

  record Money(BigDecimal value, String currencyCode) {}

  private static GraphQLResponse response(String dataJson) {
    return new GraphQLResponse(
        "Q",
        OperationType.QUERY,
        1,
        JsonMapper.builder().build().readTree(dataJson),
        List.of(),
        false,
        OptionalInt.empty());
  }

  @Test
  void dataAtWhenTypeGivenThenMappedIgnoringUnknownProperties() {
    GraphQLResponse r =
        response(
            "{\"site\":{\"product\":{\"price\":{\"value\":49.5,\"currencyCode\":\"USD\",\"formattedV2\":\"$49.50\"}}}}");
    assertThat(r.dataAt("/site/product/price", Money.class))
        .isEqualTo(new Money(new BigDecimal("49.5"), "USD"));
  }

  @Test
  void dataAtWhenMissingOrNullThenNull() {
    GraphQLResponse r = response("{\"customer\":null}");
    assertThat(r.dataAt("/customer", Money.class)).isNull();
    assertThat(r.dataAt("/nothing/here", Money.class)).isNull();
    assertThat(r.dataAt("/customer").isNull()).isTrue();
  }

  @Test
  void dataAtWhenShapeDoesNotFitThenIllegalArgument() {
    assertThatThrownBy(() -> response("{\"a\":[1,2]}").dataAt("/a", Money.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/a");
  }

  @Test
  void hasErrorsWhenErrorsThenTrue() {
    GraphQLResponse r =
        new GraphQLResponse(
            "Q",
            OperationType.QUERY,
            1,
            JsonMapper.builder().build().nullNode(),
            List.of(new GraphQLError("x", null, null, null)),
            false,
            OptionalInt.empty());
    assertThat(r.hasErrors()).isTrue();
  }
}
