package dev.storefrontsession.sandbox.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the Storefront checkout API keeps for a cart before the hosted checkout: shipping
 * consignments (address, line items, chosen option), applied coupons and gift certificates; and the
 * store's coupons and gift certificates.
 */
public final class CheckoutStateRepository {

  /** A store coupon. {@code type}: {@code PERCENTAGE_DISCOUNT} or {@code PER_TOTAL_DISCOUNT}. */
  public record Coupon(
      int id,
      String code,
      String name,
      String type,
      BigDecimal amount,
      BigDecimal minPurchase,
      boolean enabled) {}

  /** A gift certificate and its balance in the store currency. */
  public record GiftCertificate(String code, BigDecimal balance, Instant purchasedAt) {}

  /** A shipping address of a consignment. */
  public record Address(
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      @Nullable String company,
      @Nullable String address1,
      @Nullable String address2,
      @Nullable String city,
      @Nullable String stateOrProvince,
      String countryCode,
      @Nullable String postalCode,
      @Nullable String phone) {}

  /** A consignment: where some line items go and which shipping option was chosen. */
  public record Consignment(
      String id,
      String cartId,
      Address address,
      @Nullable String selectedOption,
      List<String> lineItemIds) {}

  private final JdbcClient jdbc;

  CheckoutStateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Coupon> couponByCode(String code) {
    return jdbc.sql(
            """
            SELECT id, code, name, coupon_type, amount, min_purchase, enabled FROM coupons
            WHERE UPPER(code) = UPPER(?)""")
        .param(code)
        .query(
            (rs, n) ->
                new Coupon(
                    rs.getInt("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("coupon_type"),
                    rs.getBigDecimal("amount"),
                    rs.getBigDecimal("min_purchase"),
                    rs.getBoolean("enabled")))
        .optional();
  }

  public List<Coupon> appliedCoupons(String cartId) {
    return jdbc.sql(
            """
            SELECT c.id, c.code, c.name, c.coupon_type, c.amount, c.min_purchase, c.enabled
            FROM checkout_coupons a JOIN coupons c ON c.id = a.coupon_id WHERE a.cart_id = ? ORDER BY c.id""")
        .param(cartId)
        .query(
            (rs, n) ->
                new Coupon(
                    rs.getInt("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("coupon_type"),
                    rs.getBigDecimal("amount"),
                    rs.getBigDecimal("min_purchase"),
                    rs.getBoolean("enabled")))
        .list();
  }

  public void applyCoupon(String cartId, int couponId) {
    jdbc.sql("DELETE FROM checkout_coupons WHERE cart_id = ? AND coupon_id = ?")
        .params(cartId, couponId)
        .update();
    jdbc.sql("INSERT INTO checkout_coupons (cart_id, coupon_id) VALUES (?, ?)")
        .params(cartId, couponId)
        .update();
  }

  public int unapplyCoupon(String cartId, int couponId) {
    return jdbc.sql("DELETE FROM checkout_coupons WHERE cart_id = ? AND coupon_id = ?")
        .params(cartId, couponId)
        .update();
  }

  public Optional<GiftCertificate> giftCertificate(String code) {
    return jdbc.sql(
            "SELECT code, balance, purchased_at FROM gift_certificates WHERE UPPER(code) = UPPER(?)")
        .param(code)
        .query(
            (rs, n) ->
                new GiftCertificate(
                    rs.getString("code"),
                    rs.getBigDecimal("balance"),
                    Jdbc.instant(rs, "purchased_at")))
        .optional();
  }

  /**
   * Lowers a gift certificate's balance by {@code amount} when it still covers it; false when it
   * does not.
   */
  public boolean spendGiftCertificate(String code, BigDecimal amount) {
    return jdbc.sql(
                "UPDATE gift_certificates SET balance = balance - ? WHERE code = ? AND balance >= ?")
            .params(amount, code, amount)
            .update()
        == 1;
  }

  public List<GiftCertificate> appliedGiftCertificates(String cartId) {
    return jdbc.sql(
            """
            SELECT g.code, g.balance, g.purchased_at FROM checkout_gift_certificates a
            JOIN gift_certificates g ON g.code = a.code WHERE a.cart_id = ? ORDER BY g.code""")
        .param(cartId)
        .query(
            (rs, n) ->
                new GiftCertificate(
                    rs.getString("code"),
                    rs.getBigDecimal("balance"),
                    Jdbc.instant(rs, "purchased_at")))
        .list();
  }

  public void applyGiftCertificate(String cartId, String code) {
    jdbc.sql("DELETE FROM checkout_gift_certificates WHERE cart_id = ? AND code = ?")
        .params(cartId, code)
        .update();
    jdbc.sql("INSERT INTO checkout_gift_certificates (cart_id, code) VALUES (?, ?)")
        .params(cartId, code)
        .update();
  }

  public int unapplyGiftCertificate(String cartId, String code) {
    return jdbc.sql("DELETE FROM checkout_gift_certificates WHERE cart_id = ? AND code = ?")
        .params(cartId, code)
        .update();
  }

  public List<Consignment> consignments(String cartId) {
    List<Consignment> rows =
        jdbc.sql(
                """
            SELECT id, cart_id, first_name, last_name, email, company, address1, address2, city, state_or_province,
                   country_code, postal_code, phone, selected_option
            FROM checkout_consignments WHERE cart_id = ? ORDER BY created_at, id""")
            .param(cartId)
            .query(
                (rs, n) ->
                    new Consignment(
                        rs.getString("id"),
                        rs.getString("cart_id"),
                        new Address(
                            rs.getString("first_name"),
                            rs.getString("last_name"),
                            rs.getString("email"),
                            rs.getString("company"),
                            rs.getString("address1"),
                            rs.getString("address2"),
                            rs.getString("city"),
                            rs.getString("state_or_province"),
                            rs.getString("country_code"),
                            rs.getString("postal_code"),
                            rs.getString("phone")),
                        rs.getString("selected_option"),
                        List.of()))
            .list();
    return rows.stream()
        .map(
            c ->
                new Consignment(
                    c.id(),
                    c.cartId(),
                    c.address(),
                    c.selectedOption(),
                    jdbc.sql(
                            "SELECT line_item_id FROM checkout_consignment_items WHERE consignment_id = ? ORDER BY line_item_id")
                        .param(c.id())
                        .query(String.class)
                        .list()))
        .toList();
  }

  public void insertConsignment(
      String id, String cartId, Address a, List<String> lineItemIds, Instant now) {
    jdbc.sql(
            """
            INSERT INTO checkout_consignments (id, cart_id, first_name, last_name, email, company, address1, address2,
                                               city, state_or_province, country_code, postal_code, phone, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            cartId,
            a.firstName(),
            a.lastName(),
            a.email(),
            a.company(),
            a.address1(),
            a.address2(),
            a.city(),
            a.stateOrProvince(),
            a.countryCode(),
            a.postalCode(),
            a.phone(),
            Jdbc.ts(now))
        .update();
    insertItems(id, lineItemIds);
  }

  /**
   * Replaces a consignment's address and items; the chosen option is cleared (the options depend on
   * both).
   */
  public void updateConsignment(String id, Address a, List<String> lineItemIds) {
    jdbc.sql(
            """
            UPDATE checkout_consignments SET first_name = ?, last_name = ?, email = ?, company = ?, address1 = ?,
                   address2 = ?, city = ?, state_or_province = ?, country_code = ?, postal_code = ?, phone = ?,
                   selected_option = NULL
            WHERE id = ?""")
        .params(
            a.firstName(),
            a.lastName(),
            a.email(),
            a.company(),
            a.address1(),
            a.address2(),
            a.city(),
            a.stateOrProvince(),
            a.countryCode(),
            a.postalCode(),
            a.phone(),
            id)
        .update();
    jdbc.sql("DELETE FROM checkout_consignment_items WHERE consignment_id = ?").param(id).update();
    insertItems(id, lineItemIds);
  }

  /**
   * Takes line items out of every consignment of the cart (a line belongs to one consignment at
   * most).
   */
  public void releaseItems(String cartId, List<String> lineItemIds) {
    for (String line : lineItemIds) {
      jdbc.sql(
              """
              DELETE FROM checkout_consignment_items WHERE line_item_id = ?
                AND consignment_id IN (SELECT id FROM checkout_consignments WHERE cart_id = ?)""")
          .params(line, cartId)
          .update();
    }
  }

  public void deleteConsignment(String id) {
    jdbc.sql("DELETE FROM checkout_consignments WHERE id = ?").param(id).update();
  }

  public void selectOption(String consignmentId, String optionId) {
    jdbc.sql("UPDATE checkout_consignments SET selected_option = ? WHERE id = ?")
        .params(optionId, consignmentId)
        .update();
  }

  /** Removes the cart's consignments that no longer hold any line item. */
  public void deleteEmptyConsignments(String cartId) {
    jdbc.sql(
            """
            DELETE FROM checkout_consignments WHERE cart_id = ? AND NOT EXISTS
              (SELECT 1 FROM checkout_consignment_items i WHERE i.consignment_id = checkout_consignments.id)""")
        .param(cartId)
        .update();
  }

  private void insertItems(String consignmentId, List<String> lineItemIds) {
    for (String line : lineItemIds) {
      jdbc.sql(
              "INSERT INTO checkout_consignment_items (consignment_id, line_item_id) VALUES (?, ?)")
          .params(consignmentId, line)
          .update();
    }
  }
}
