package dev.storefrontsession.sandbox.internal.schema;

import dev.storefrontsession.sandbox.internal.store.CurrencyRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GraphQL {@code Money}: an amount in the store currency (USD) or, converted, in another currency.
 */
public record Money(String currencyCode, BigDecimal value, String formattedV2) {

  public static final String STORE_CURRENCY = "USD";

  public static Money usd(BigDecimal value) {
    BigDecimal v = value.setScale(2, RoundingMode.HALF_UP);
    return new Money(
        STORE_CURRENCY, v, (v.signum() < 0 ? "-$" : "$") + grouped(v.abs().toPlainString()));
  }

  /** {@code 1234567.50} → {@code 1,234,567.50} (hot path: no {@code DecimalFormat} per call). */
  private static String grouped(String plain) {
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    if (whole.length() <= 3) {
      return plain;
    }
    StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3);
    int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
    out.append(whole, 0, first);
    for (int i = first; i < whole.length(); i += 3) {
      out.append(',').append(whole, i, i + 3);
    }
    if (dot >= 0) {
      out.append(plain, dot, plain.length());
    }
    return out.toString();
  }

  public static Money zero() {
    return usd(BigDecimal.ZERO);
  }

  /**
   * {@code amountInDefaultCurrency} (USD) converted to {@code currency} at its exchange rate,
   * formatted with its symbol, separators and decimal places.
   */
  public static Money in(CurrencyRecord currency, BigDecimal amountInDefaultCurrency) {
    if (STORE_CURRENCY.equals(currency.code())) {
      return usd(amountInDefaultCurrency);
    }
    return of(currency, currency.convert(amountInDefaultCurrency));
  }

  /**
   * {@code amount}, already in {@code currency} (not converted again), formatted with its symbol,
   * separators and decimal places.
   */
  public static Money of(CurrencyRecord currency, BigDecimal amount) {
    if (STORE_CURRENCY.equals(currency.code())) {
      return usd(amount);
    }
    BigDecimal v = amount.setScale(currency.decimalPlaces(), RoundingMode.HALF_UP);
    String digits =
        grouped(v.abs().toPlainString())
            .replace(",", "\u0000")
            .replace(".", currency.decimalToken())
            .replace("\u0000", currency.thousandsToken());
    String sign = v.signum() < 0 ? "-" : "";
    return new Money(
        currency.code(),
        v,
        currency.symbolLeft()
            ? sign + currency.symbol() + digits
            : sign + digits + "\u00a0" + currency.symbol());
  }
}
