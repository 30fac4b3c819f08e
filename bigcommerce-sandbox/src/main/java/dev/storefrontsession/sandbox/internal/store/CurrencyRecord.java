package dev.storefrontsession.sandbox.internal.store;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A currency the store knows, with its display rules and exchange rate: one unit of the store's
 * default currency (USD) is {@code exchangeRate} units of this one.
 */
public record CurrencyRecord(
    String code,
    int entityId,
    String name,
    String symbol,
    boolean symbolLeft,
    String decimalToken,
    String thousandsToken,
    int decimalPlaces,
    BigDecimal exchangeRate) {

  /**
   * {@code amount} in the default currency converted to this one, rounded half-up to its decimal
   * places.
   */
  public BigDecimal convert(BigDecimal amount) {
    return amount.multiply(exchangeRate).setScale(decimalPlaces, RoundingMode.HALF_UP);
  }
}
