package dev.storefrontsession.sandbox.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Orders: read by their customer (a guest order with its cart id) and placed by checkout. */
public final class OrderRepository {

  private static final String SELECT = "SELECT * FROM orders";
  private static final RowMapper<OrderRecord> MAPPER =
      (rs, n) ->
          new OrderRecord(
              rs.getLong("id"),
              rs.getLong("customer_id"),
              rs.getString("cart_id"),
              rs.getString("status"),
              rs.getString("status_label"),
              Jdbc.instant(rs, "ordered_at"),
              Jdbc.instant(rs, "updated_at"),
              rs.getString("currency_code"),
              rs.getBoolean("is_tax_included"),
              rs.getBigDecimal("sub_total"),
              rs.getBigDecimal("shipping_cost_total"),
              rs.getBigDecimal("handling_cost_total"),
              rs.getBigDecimal("wrapping_cost_total"),
              rs.getBigDecimal("tax_total"),
              rs.getBigDecimal("total_inc_tax"),
              rs.getInt("total_quantity"),
              rs.getString("customer_message"),
              new OrderRecord.Address(
                  rs.getString("billing_first_name"),
                  rs.getString("billing_last_name"),
                  rs.getString("billing_company"),
                  rs.getString("billing_address1"),
                  rs.getString("billing_address2"),
                  rs.getString("billing_city"),
                  rs.getString("billing_state"),
                  rs.getString("billing_state_code"),
                  rs.getString("billing_country"),
                  rs.getString("billing_country_code"),
                  rs.getString("billing_postal_code"),
                  rs.getString("billing_phone"),
                  rs.getString("billing_email")));

  private final JdbcClient jdbc;

  OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A customer's orders, newest first, optionally by status and date range (from inclusive, to
   * exclusive).
   */
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
  public record OrderLineRecord(
      long entityId,
      long orderId,
      int productId,
      String name,
      int quantity,
      java.math.BigDecimal price) {}

  /** Lines of several orders in one query, keyed by order id. */
  public java.util.Map<Long, List<OrderLineRecord>> lines(java.util.Collection<Long> orderIds) {
    java.util.Map<Long, List<OrderLineRecord>> result = new java.util.HashMap<>();
    if (orderIds.isEmpty()) {
      return result;
    }
    jdbc.sql(
            "SELECT id, order_id, product_id, name, quantity, price FROM order_line_items WHERE order_id IN (:ids) ORDER BY id")
        .param("ids", orderIds)
        .query(
            (rs, n) ->
                new OrderLineRecord(
                    rs.getLong("id"),
                    rs.getLong("order_id"),
                    rs.getInt("product_id"),
                    rs.getString("name"),
                    rs.getInt("quantity"),
                    rs.getBigDecimal("price")))
        .list()
        .forEach(l -> result.computeIfAbsent(l.orderId(), k -> new java.util.ArrayList<>()).add(l));
    return result;
  }

  /**
   * A guest order (no customer) by its id and the cart it was placed from, as {@code site.order}
   * finds them.
   */
  public Optional<OrderRecord> findGuest(long orderId, String cartId) {
    return jdbc.sql(SELECT + " WHERE customer_id IS NULL AND id = ? AND cart_id = ?")
        .params(orderId, cartId)
        .query(MAPPER)
        .optional();
  }

  /** Any order by id (checkout shows the order it placed again when the form is posted twice). */
  public Optional<OrderRecord> find(long orderId) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(orderId).query(MAPPER).optional();
  }

  /**
   * Stores a new order (its one consignment ships to the billing address) and returns its id. Its
   * amounts are in {@code currencyCode}, the currency it was placed in. No tax, handling or
   * wrapping: the sandbox charges none.
   *
   * @param customerId the customer, or null for a guest order
   */
  public long insert(
      Long customerId,
      String cartId,
      String status,
      String statusLabel,
      Instant now,
      String currencyCode,
      BigDecimal subTotal,
      BigDecimal shippingCost,
      BigDecimal discountTotal,
      int quantity,
      String customerMessage,
      OrderRecord.Address b) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO orders (customer_id, cart_id, status, status_label, ordered_at, updated_at, currency_code,
              is_tax_included, sub_total, shipping_cost_total, handling_cost_total, wrapping_cost_total, tax_total,
              discount_total, total_inc_tax, total_quantity, customer_message, billing_first_name, billing_last_name, billing_company,
              billing_address1, billing_address2, billing_city, billing_state, billing_state_code, billing_country,
              billing_country_code, billing_postal_code, billing_phone, billing_email)
            VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            customerId,
            cartId,
            status,
            statusLabel,
            Jdbc.ts(now),
            Jdbc.ts(now),
            currencyCode,
            subTotal,
            shippingCost,
            discountTotal,
            subTotal.subtract(discountTotal).add(shippingCost),
            quantity,
            customerMessage,
            b.firstName(),
            b.lastName(),
            b.company(),
            b.address1(),
            b.address2(),
            b.city(),
            b.stateOrProvince(),
            b.stateOrProvinceCode(),
            b.country(),
            b.countryCode(),
            b.postalCode(),
            b.phone(),
            b.email())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void insertCouponDiscount(long orderId, String couponCode, BigDecimal amount) {
    jdbc.sql("INSERT INTO order_coupon_discounts (order_id, coupon_code, amount) VALUES (?, ?, ?)")
        .params(orderId, couponCode, amount)
        .update();
  }

  public void insertGiftCertificateUse(long orderId, String code, BigDecimal amount) {
    jdbc.sql("INSERT INTO order_gift_certificates (order_id, code, amount) VALUES (?, ?, ?)")
        .params(orderId, code, amount)
        .update();
  }

  /** An order's coupon discounts: code and amount, in code order. */
  public List<Map.Entry<String, BigDecimal>> couponDiscounts(long orderId) {
    return jdbc.sql(
            "SELECT coupon_code, amount FROM order_coupon_discounts WHERE order_id = ? ORDER BY coupon_code")
        .param(orderId)
        .query((rs, n) -> Map.entry(rs.getString("coupon_code"), rs.getBigDecimal("amount")))
        .list();
  }

  public void insertLine(long orderId, int productId, String name, int quantity, BigDecimal price) {
    jdbc.sql(
            "INSERT INTO order_line_items (order_id, product_id, name, quantity, price) VALUES (?, ?, ?, ?, ?)")
        .params(orderId, productId, name, quantity, price)
        .update();
  }

  public Optional<OrderRecord> find(long customerId, long orderId) {
    return jdbc.sql(SELECT + " WHERE customer_id = ? AND id = ?")
        .params(customerId, orderId)
        .query(MAPPER)
        .optional();
  }
}
