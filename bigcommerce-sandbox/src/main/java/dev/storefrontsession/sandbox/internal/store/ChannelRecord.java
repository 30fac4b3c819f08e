package dev.storefrontsession.sandbox.internal.store;

import java.util.List;

/**
 * A channel: a storefront of its own (site URL, locale) with a default currency and the currencies
 * shoppers may choose; carts belong to the channel they were made on.
 *
 * @param currencies the enabled currencies, the default first
 */
public record ChannelRecord(
    long id,
    String name,
    String siteUrl,
    String locale,
    CurrencyRecord defaultCurrency,
    List<CurrencyRecord> currencies) {

  /**
   * The enabled currency {@code code} (exact, upper case), or null when the channel does not offer
   * it.
   */
  public CurrencyRecord currency(String code) {
    for (CurrencyRecord currency : currencies) {
      if (currency.code().equals(code)) {
        return currency;
      }
    }
    return null;
  }
}
