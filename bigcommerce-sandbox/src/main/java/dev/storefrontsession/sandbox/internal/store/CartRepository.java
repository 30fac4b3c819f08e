package dev.storefrontsession.sandbox.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Carts and their lines. */
public final class CartRepository {

  private static final String SELECT =
      """
      SELECT k.id, k.customer_id, COALESCE(c.customer_group_id, 1) AS group_id, k.currency_code, k.locale,
             k.version, k.created_at, k.updated_at, k.channel_id
      FROM carts k LEFT JOIN customers c ON c.id = k.customer_id""";
  private static final RowMapper<CartRecord> MAPPER =
      (rs, n) -> {
        long customer = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        return new CartRecord(
            rs.getString("id"),
            customerId,
            rs.getInt("group_id"),
            rs.getString("currency_code"),
            rs.getString("locale"),
            rs.getInt("version"),
            Jdbc.instant(rs, "created_at"),
            Jdbc.instant(rs, "updated_at"),
            rs.getLong("channel_id"));
      };
  private static final RowMapper<CartLineRecord> LINE =
      (rs, n) ->
          new CartLineRecord(
              rs.getString("id"),
              rs.getString("cart_id"),
              rs.getInt("product_id"),
              Jdbc.nullableInt(rs, "variant_id"),
              rs.getInt("quantity"));

  private final JdbcClient jdbc;

  CartRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CartRecord> find(String cartId) {
    return jdbc.sql(SELECT + " WHERE k.id = ?").param(cartId).query(MAPPER).optional();
  }

  /**
   * The customer's active cart on a channel: the most recently updated one assigned to them there.
   */
  public Optional<CartRecord> findForCustomer(long customerId, long channelId) {
    return jdbc
        .sql(
            SELECT
                + " WHERE k.customer_id = ? AND k.channel_id = ? ORDER BY k.updated_at DESC, k.id")
        .params(customerId, channelId)
        .query(MAPPER)
        .list()
        .stream()
        .findFirst();
  }

  public void insert(
      String cartId,
      Long customerId,
      String currencyCode,
      String locale,
      Instant now,
      long channelId) {
    jdbc.sql(
            """
            INSERT INTO carts (id, customer_id, currency_code, locale, version, created_at, updated_at, channel_id)
            VALUES (?, ?, ?, ?, 1, ?, ?, ?)""")
        .params(cartId, customerId, currencyCode, locale, Jdbc.ts(now), Jdbc.ts(now), channelId)
        .update();
  }

  /** Moves every line of cart {@code from} to cart {@code to} (kept in their order). */
  public void moveLines(String from, String to) {
    jdbc.sql("UPDATE cart_line_items SET cart_id = ? WHERE cart_id = ?").params(to, from).update();
  }

  public void assign(String cartId, Long customerId, Instant now) {
    jdbc.sql("UPDATE carts SET customer_id = ?, version = version + 1, updated_at = ? WHERE id = ?")
        .params(customerId, Jdbc.ts(now), cartId)
        .update();
  }

  public void touch(String cartId, Instant now) {
    jdbc.sql("UPDATE carts SET version = version + 1, updated_at = ? WHERE id = ?")
        .params(Jdbc.ts(now), cartId)
        .update();
  }

  public void delete(String cartId) {
    jdbc.sql("DELETE FROM cart_line_items WHERE cart_id = ?").param(cartId).update();
    jdbc.sql("DELETE FROM carts WHERE id = ?").param(cartId).update();
  }

  public List<CartLineRecord> lines(String cartId) {
    return jdbc.sql(
            "SELECT id, cart_id, product_id, variant_id, quantity FROM cart_line_items WHERE cart_id = ? ORDER BY seq")
        .param(cartId)
        .query(LINE)
        .list();
  }

  public void insertLine(
      String lineId, String cartId, int productId, Integer variantId, int quantity) {
    jdbc.sql(
            "INSERT INTO cart_line_items (id, cart_id, product_id, variant_id, quantity) VALUES (?, ?, ?, ?, ?)")
        .params(lineId, cartId, productId, variantId, quantity)
        .update();
  }

  public void updateLine(String lineId, int productId, Integer variantId, int quantity) {
    jdbc.sql("UPDATE cart_line_items SET product_id = ?, variant_id = ?, quantity = ? WHERE id = ?")
        .params(productId, variantId, quantity, lineId)
        .update();
  }

  public void deleteLine(String lineId) {
    jdbc.sql("DELETE FROM cart_line_items WHERE id = ?").param(lineId).update();
  }
}
