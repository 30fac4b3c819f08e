package dev.storefrontsession.storefront.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Formats the API's {@code Money} objects for display. Stateless. */
final class Money {

  private Money() {}

  /**
   * The store's own formatting ({@code formattedV2}) when given, else the value in the currency;
   * null if absent.
   */
  static String format(JsonNode money) {
    if (Json.absent(money)) {
      return null;
    }
    String formatted = Json.text(money, "formattedV2");
    if (formatted != null && !formatted.isBlank()) {
      return formatted;
    }
    return format(Json.decimal(money, "value"), Json.text(money, "currencyCode"));
  }

  static String format(BigDecimal value, String currencyCode) {
    if (value == null) {
      return null;
    }
    NumberFormat nf = NumberFormat.getCurrencyInstance(Locale.US);
    try {
      if (currencyCode != null) {
        nf.setCurrency(Currency.getInstance(currencyCode));
      }
    } catch (IllegalArgumentException unknownCurrency) {
      return value.toPlainString() + " " + currencyCode;
    }
    return nf.format(value);
  }

  static BigDecimal value(JsonNode money) {
    return Json.absent(money) ? null : Json.decimal(money, "value");
  }
}
