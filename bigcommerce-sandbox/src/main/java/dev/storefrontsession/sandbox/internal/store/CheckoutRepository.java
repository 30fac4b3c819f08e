package dev.storefrontsession.sandbox.internal.store;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One-time checkout links and the checkout sessions they open; rows are keyed by SHA-256 hashes
 * only.
 */
public final class CheckoutRepository {

  /**
   * A stored link.
   *
   * @param customerId the customer the link was made for, or null for a guest
   * @param accessTokenHash the SHA-256 of the customer access token that asked for the link, or
   *     null for a guest
   * @param queryString the {@code queryParams} of the mutation, already encoded ({@code a=1&b=2}),
   *     or empty
   * @param openedAt when the link was used, or null while it is unused
   * @param orderId the order the session placed, or null
   */
  public record CheckoutLink(
      String tokenHash,
      String cartId,
      Long customerId,
      String accessTokenHash,
      String queryString,
      Instant createdAt,
      Instant expiresAt,
      Instant openedAt,
      Instant sessionExpiresAt,
      Long orderId) {}

  private static final String SELECT =
      """
      SELECT token_hash, cart_id, customer_id, access_token_hash, query_string, created_at, expires_at, opened_at, session_expires_at,
             order_id
      FROM checkout_links""";
  private static final RowMapper<CheckoutLink> MAPPER =
      (rs, n) -> {
        long customer = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        return new CheckoutLink(
            rs.getString("token_hash"),
            rs.getString("cart_id"),
            customerId,
            rs.getString("access_token_hash"),
            rs.getString("query_string"),
            Jdbc.instant(rs, "created_at"),
            Jdbc.instant(rs, "expires_at"),
            Jdbc.instant(rs, "opened_at"),
            Jdbc.instant(rs, "session_expires_at"),
            orderId);
      };

  private final JdbcClient jdbc;

  CheckoutRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      String tokenHash,
      String cartId,
      Long customerId,
      String accessTokenHash,
      String queryString,
      Instant now,
      Instant expiresAt) {
    jdbc.sql(
            """
            INSERT INTO checkout_links (token_hash, cart_id, customer_id, access_token_hash, query_string, created_at,
                                        expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            tokenHash,
            cartId,
            customerId,
            accessTokenHash,
            queryString,
            Jdbc.ts(now),
            Jdbc.ts(expiresAt))
        .update();
  }

  public Optional<CheckoutLink> findByToken(String tokenHash) {
    return jdbc.sql(SELECT + " WHERE token_hash = ?").param(tokenHash).query(MAPPER).optional();
  }

  public Optional<CheckoutLink> findBySession(String sessionHash) {
    return jdbc.sql(SELECT + " WHERE session_hash = ?").param(sessionHash).query(MAPPER).optional();
  }

  /**
   * The session's link, locked until the transaction ends (one order per session, however often it
   * is posted).
   */
  public Optional<CheckoutLink> lockBySession(String sessionHash) {
    return jdbc.sql(SELECT + " WHERE session_hash = ? FOR UPDATE")
        .param(sessionHash)
        .query(MAPPER)
        .optional();
  }

  /**
   * Marks an unused, unexpired link used and starts its session. False when it was used or expired
   * meanwhile (the update is the check: two requests with the same link cannot both open it).
   */
  public boolean open(String tokenHash, String sessionHash, Instant now, Instant sessionExpiresAt) {
    return jdbc.sql(
                """
            UPDATE checkout_links SET opened_at = ?, session_hash = ?, session_expires_at = ?
            WHERE token_hash = ? AND opened_at IS NULL AND expires_at > ?""")
            .params(Jdbc.ts(now), sessionHash, Jdbc.ts(sessionExpiresAt), tokenHash, Jdbc.ts(now))
            .update()
        == 1;
  }

  /** True when the customer access token with this hash is neither revoked nor expired. */
  public boolean accessTokenLive(String accessTokenHash, Instant now) {
    return jdbc.sql(
                """
            SELECT COUNT(*) FROM customer_access_tokens
            WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?""")
            .params(accessTokenHash, Jdbc.ts(now))
            .query(Integer.class)
            .single()
        > 0;
  }

  public void completed(String tokenHash, long orderId) {
    jdbc.sql("UPDATE checkout_links SET order_id = ? WHERE token_hash = ?")
        .params(orderId, tokenHash)
        .update();
  }

  /** Deletes links that expired unused, or whose session ended, before {@code cutoff}. */
  public int purge(Instant cutoff) {
    return jdbc.sql(
            """
            DELETE FROM checkout_links
            WHERE (opened_at IS NULL AND expires_at < ?) OR (session_expires_at IS NOT NULL AND session_expires_at < ?)""")
        .params(Jdbc.ts(cutoff), Jdbc.ts(cutoff))
        .update();
  }
}
