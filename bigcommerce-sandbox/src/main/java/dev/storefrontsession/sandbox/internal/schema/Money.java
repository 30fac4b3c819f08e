package dev.storefrontsession.sandbox.internal.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** GraphQL {@code Money}: an amount in the store currency (USD). */
public record Money(String currencyCode, BigDecimal value, String formattedV2) {

  public static final String STORE_CURRENCY = "USD";

  public static Money usd(BigDecimal value) {
    BigDecimal v = value.setScale(2, RoundingMode.HALF_UP);
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    String formatted = (v.signum() < 0 ? "-$" : "$") + format.format(v.abs());
    return new Money(STORE_CURRENCY, v, formatted);
  }

  public static Money zero() {
    return usd(BigDecimal.ZERO);
  }
}
