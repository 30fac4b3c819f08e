package dev.storefrontsession.sandbox.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void usdWhenFormattedThenDollarSignGroupingAndTwoDecimals() {
    assertThat(Money.usd(new BigDecimal("1234.5")).formattedV2()).isEqualTo("$1,234.50");
    assertThat(Money.usd(new BigDecimal("-3")).formattedV2()).isEqualTo("-$3.00");
    assertThat(Money.usd(new BigDecimal("39.199")).value()).isEqualByComparingTo("39.20");
    assertThat(Money.zero().currencyCode()).isEqualTo("USD");
  }
}
