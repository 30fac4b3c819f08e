package dev.storefrontsession.sandbox.internal.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store's channels and currencies, read once at start-up (nothing in the API changes them). The
 * sandbox's configured channel is the default one, used by requests that name no channel; when the
 * database has no row for it, it gets the settings of channel 1. Immutable and thread-safe.
 */
public final class Channels {

  /** The store's default currency: prices and exchange rates are stored in it. */
  public static final String DEFAULT_CURRENCY = "USD";

  private final Map<Long, ChannelRecord> channels;
  private final Map<String, CurrencyRecord> currencies;
  private final long defaultChannelId;

  private Channels(
      Map<Long, ChannelRecord> channels,
      Map<String, CurrencyRecord> currencies,
      long defaultChannelId) {
    this.channels = Map.copyOf(channels);
    this.currencies = Map.copyOf(currencies);
    this.defaultChannelId = defaultChannelId;
  }

  static Channels load(JdbcClient jdbc, String storeHash, long defaultChannelId) {
    Map<String, CurrencyRecord> currencies = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT code, entity_id, name, symbol, symbol_left, decimal_token, thousands_token, decimal_places,
                   exchange_rate
            FROM currencies ORDER BY entity_id""")
        .query(
            rs -> {
              currencies.put(
                  rs.getString("code"),
                  new CurrencyRecord(
                      rs.getString("code"),
                      rs.getInt("entity_id"),
                      rs.getString("name"),
                      rs.getString("symbol"),
                      rs.getBoolean("symbol_left"),
                      rs.getString("decimal_token"),
                      rs.getString("thousands_token"),
                      rs.getInt("decimal_places"),
                      rs.getBigDecimal("exchange_rate")));
            });
    Map<Long, List<CurrencyRecord>> enabled = new LinkedHashMap<>();
    jdbc.sql("SELECT channel_id, currency_code FROM channel_currencies")
        .query(
            rs -> {
              enabled
                  .computeIfAbsent(rs.getLong("channel_id"), k -> new ArrayList<>())
                  .add(currencies.get(rs.getString("currency_code")));
            });
    Map<Long, ChannelRecord> channels = new LinkedHashMap<>();
    jdbc.sql("SELECT id, name, site_url, locale, default_currency FROM channels ORDER BY id")
        .query(
            rs -> {
              long id = rs.getLong("id");
              CurrencyRecord defaultCurrency = currencies.get(rs.getString("default_currency"));
              List<CurrencyRecord> offered = new ArrayList<>(enabled.getOrDefault(id, List.of()));
              offered.remove(defaultCurrency);
              offered.sort(Comparator.comparingInt(CurrencyRecord::entityId));
              offered.add(0, defaultCurrency);
              channels.put(
                  id,
                  new ChannelRecord(
                      id,
                      rs.getString("name"),
                      rs.getString("site_url").replace("{storeHash}", storeHash),
                      rs.getString("locale"),
                      defaultCurrency,
                      List.copyOf(offered)));
            });
    if (!channels.containsKey(defaultChannelId)) {
      ChannelRecord first = channels.get(1L);
      channels.put(
          defaultChannelId,
          new ChannelRecord(
              defaultChannelId,
              first.name(),
              "https://store-" + storeHash + "-" + defaultChannelId + ".sandbox.invalid",
              first.locale(),
              first.defaultCurrency(),
              first.currencies()));
    }
    return new Channels(channels, currencies, defaultChannelId);
  }

  /** The channel {@code id}, when the store has it. */
  public Optional<ChannelRecord> channel(long id) {
    return Optional.ofNullable(channels.get(id));
  }

  /** The channel of requests that name none. */
  public ChannelRecord defaultChannel() {
    return channels.get(defaultChannelId);
  }

  /** Every channel, by id. */
  public List<ChannelRecord> all() {
    return channels.values().stream().sorted(Comparator.comparingLong(ChannelRecord::id)).toList();
  }

  /** A currency the store knows (enabled on a channel or not), by its code. */
  public Optional<CurrencyRecord> currency(String code) {
    return Optional.ofNullable(currencies.get(code));
  }

  /** The store's default currency (exchange rate 1). */
  public CurrencyRecord defaultCurrency() {
    return currencies.get(DEFAULT_CURRENCY);
  }
}
