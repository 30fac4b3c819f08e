package dev.storefrontsession.sandbox.internal.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Customers table. */
public final class CustomerRepository {

  private static final String SELECT =
      """
      SELECT c.id, c.email, c.password_hash, c.first_name, c.last_name, c.phone, c.company, c.customer_group_id,
             g.name AS group_name, c.reset_password_required
      FROM customers c JOIN customer_groups g ON g.id = c.customer_group_id
      """;
  private static final RowMapper<CustomerRecord> MAPPER =
      (rs, n) ->
          new CustomerRecord(
              rs.getLong("id"),
              rs.getString("email"),
              rs.getString("password_hash"),
              rs.getString("first_name"),
              rs.getString("last_name"),
              rs.getString("phone"),
              rs.getString("company"),
              rs.getInt("customer_group_id"),
              rs.getString("group_name"),
              rs.getBoolean("reset_password_required"));

  private final JdbcClient jdbc;

  CustomerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The one way emails are compared: trimmed, lower case. */
  public static String normalizeEmail(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  public Optional<CustomerRecord> findById(long id) {
    return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(MAPPER).optional();
  }

  public Optional<CustomerRecord> findByEmail(String email) {
    return jdbc.sql(SELECT + " WHERE c.email_normalized = ?")
        .param(normalizeEmail(email))
        .query(MAPPER)
        .optional();
  }

  public boolean emailTaken(String email, Long exceptCustomerId) {
    return jdbc.sql("SELECT COUNT(*) FROM customers WHERE email_normalized = ? AND id <> ?")
            .param(normalizeEmail(email))
            .param(exceptCustomerId == null ? -1L : exceptCustomerId)
            .query(Long.class)
            .single()
        > 0;
  }

  public long insert(
      String email,
      String passwordHash,
      String firstName,
      String lastName,
      String phone,
      String company,
      int groupId,
      Instant now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO customers (email, email_normalized, password_hash, first_name, last_name, phone, company,
                                   customer_group_id, reset_password_required, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)""")
        .params(
            email.trim(),
            normalizeEmail(email),
            passwordHash,
            firstName,
            lastName,
            phone,
            company,
            groupId,
            Jdbc.ts(now),
            Jdbc.ts(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void update(
      long id,
      String email,
      String firstName,
      String lastName,
      String phone,
      String company,
      Instant now) {
    jdbc.sql(
            """
            UPDATE customers SET email = ?, email_normalized = ?, first_name = ?, last_name = ?, phone = ?,
                                 company = ?, updated_at = ?
            WHERE id = ?""")
        .params(
            email.trim(),
            normalizeEmail(email),
            firstName,
            lastName,
            phone,
            company,
            Jdbc.ts(now),
            id)
        .update();
  }

  public void updatePassword(long id, String passwordHash, Instant now) {
    jdbc.sql(
            "UPDATE customers SET password_hash = ?, reset_password_required = FALSE, updated_at = ? WHERE id = ?")
        .params(passwordHash, Jdbc.ts(now), id)
        .update();
  }
}
