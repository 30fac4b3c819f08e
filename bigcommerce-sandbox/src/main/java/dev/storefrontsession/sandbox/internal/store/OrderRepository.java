package dev.storefrontsession.sandbox.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders (read only: the sandbox has no checkout). */
public final class OrderRepository {

  private static final String SELECT = "SELECT * FROM orders";
  private static final RowMapper<OrderRecord> MAPPER = (rs, n) -> new OrderRecord(
      rs.getLong("id"), rs.getLong("customer_id"), rs.getString("cart_id"), rs.getString("status"),
      rs.getString("status_label"), Jdbc.instant(rs, "ordered_at"), Jdbc.instant(rs, "updated_at"),
      rs.getString("currency_code"), rs.getBoolean("is_tax_included"), rs.getBigDecimal("sub_total"),
      rs.getBigDecimal("shipping_cost_total"), rs.getBigDecimal("handling_cost_total"),
      rs.getBigDecimal("wrapping_cost_total"), rs.getBigDecimal("tax_total"), rs.getBigDecimal("total_inc_tax"),
      rs.getInt("total_quantity"), rs.getString("customer_message"),
      new OrderRecord.Address(rs.getString("billing_first_name"), rs.getString("billing_last_name"),
          rs.getString("billing_company"), rs.getString("billing_address1"), rs.getString("billing_address2"),
          rs.getString("billing_city"), rs.getString("billing_state"), rs.getString("billing_state_code"),
          rs.getString("billing_country"), rs.getString("billing_country_code"), rs.getString("billing_postal_code"),
          rs.getString("billing_phone"), rs.getString("billing_email")));

  private final JdbcClient jdbc;

  OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A customer's orders, newest first, optionally by status and date range (from inclusive, to exclusive). */
  public List<OrderRecord> list(long customerId, String status, Instant from, Instant to) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE customer_id = :c");
    if (status != null) {
      sql.append(" AND status = :s");
    }
    if (from != null) {
      sql.append(" AND ordered_at >= :from");
    }
    if (to != null) {
      sql.append(" AND ordered_at < :to");
    }
    sql.append(" ORDER BY ordered_at DESC, id DESC");
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("c", customerId);
    if (status != null) {
      spec = spec.param("s", status);
    }
    if (from != null) {
      spec = spec.param("from", Jdbc.ts(from));
    }
    if (to != null) {
      spec = spec.param("to", Jdbc.ts(to));
    }
    return spec.query(MAPPER).list();
  }

  /** A stored order line. */
  public record OrderLineRecord(long entityId, long orderId, int productId, String name, int quantity,
      java.math.BigDecimal price) {}

  /** Lines of several orders in one query, keyed by order id. */
  public java.util.Map<Long, List<OrderLineRecord>> lines(java.util.Collection<Long> orderIds) {
    java.util.Map<Long, List<OrderLineRecord>> result = new java.util.HashMap<>();
    if (orderIds.isEmpty()) {
      return result;
    }
    jdbc.sql("SELECT id, order_id, product_id, name, quantity, price FROM order_line_items WHERE order_id IN (:ids) ORDER BY id")
        .param("ids", orderIds)
        .query((rs, n) -> new OrderLineRecord(rs.getLong("id"), rs.getLong("order_id"), rs.getInt("product_id"),
            rs.getString("name"), rs.getInt("quantity"), rs.getBigDecimal("price")))
        .list()
        .forEach(l -> result.computeIfAbsent(l.orderId(), k -> new java.util.ArrayList<>()).add(l));
    return result;
  }

  public Optional<OrderRecord> find(long customerId, long orderId) {
    return jdbc.sql(SELECT + " WHERE customer_id = ? AND id = ?").params(customerId, orderId).query(MAPPER).optional();
  }
}
