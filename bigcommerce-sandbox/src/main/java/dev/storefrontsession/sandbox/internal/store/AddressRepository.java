package dev.storefrontsession.sandbox.internal.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Customer addresses table. */
public final class AddressRepository {

  private static final String SELECT =
      """
      SELECT id, customer_id, first_name, last_name, company, address1, address2, city, state_or_province,
             postal_code, country_code, phone
      FROM customer_addresses""";
  private static final RowMapper<AddressRecord> MAPPER =
      (rs, n) ->
          new AddressRecord(
              rs.getLong("id"),
              rs.getLong("customer_id"),
              rs.getString("first_name"),
              rs.getString("last_name"),
              rs.getString("company"),
              rs.getString("address1"),
              rs.getString("address2"),
              rs.getString("city"),
              rs.getString("state_or_province"),
              rs.getString("postal_code"),
              rs.getString("country_code"),
              rs.getString("phone"));

  private final JdbcClient jdbc;

  AddressRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<AddressRecord> list(long customerId) {
    return jdbc.sql(SELECT + " WHERE customer_id = ? ORDER BY id")
        .param(customerId)
        .query(MAPPER)
        .list();
  }

  public int count(long customerId) {
    return jdbc.sql("SELECT COUNT(*) FROM customer_addresses WHERE customer_id = ?")
        .param(customerId)
        .query(Integer.class)
        .single();
  }

  public Optional<AddressRecord> find(long customerId, long addressId) {
    return jdbc.sql(SELECT + " WHERE customer_id = ? AND id = ?")
        .params(customerId, addressId)
        .query(MAPPER)
        .optional();
  }

  public long insert(AddressRecord a) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO customer_addresses (customer_id, first_name, last_name, company, address1, address2, city,
                                            state_or_province, postal_code, country_code, phone)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            a.customerId(),
            a.firstName(),
            a.lastName(),
            a.company(),
            a.address1(),
            a.address2(),
            a.city(),
            a.stateOrProvince(),
            a.postalCode(),
            a.countryCode(),
            a.phone())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void update(AddressRecord a) {
    jdbc.sql(
            """
            UPDATE customer_addresses SET first_name = ?, last_name = ?, company = ?, address1 = ?, address2 = ?,
                   city = ?, state_or_province = ?, postal_code = ?, country_code = ?, phone = ?
            WHERE id = ? AND customer_id = ?""")
        .params(
            a.firstName(),
            a.lastName(),
            a.company(),
            a.address1(),
            a.address2(),
            a.city(),
            a.stateOrProvince(),
            a.postalCode(),
            a.countryCode(),
            a.phone(),
            a.entityId(),
            a.customerId())
        .update();
  }

  public boolean delete(long customerId, long addressId) {
    return jdbc.sql("DELETE FROM customer_addresses WHERE id = ? AND customer_id = ?")
            .params(addressId, customerId)
            .update()
        > 0;
  }
}
