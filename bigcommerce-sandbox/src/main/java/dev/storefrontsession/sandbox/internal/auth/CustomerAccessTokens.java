package dev.storefrontsession.sandbox.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issues, resolves and revokes customer access tokens. Format as BigCommerce's: 64 lowercase hex
 * characters (32 random bytes), an underscore and the expiry in unix seconds. Only the SHA-256 of a
 * token is stored, so a database leak reveals no usable token. Thread-safe.
 */
public final class CustomerAccessTokens {

  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}_[0-9]{1,12}");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();

  public CustomerAccessTokens(JdbcClient jdbc, Clock clock, Duration lifetime) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** Every this many issued tokens, rows that can no longer matter are deleted. */
  static final int PURGE_EVERY = 256;

  /** Expired or revoked tokens are kept this long (for inspection) before they are purged. */
  static final Duration KEEP_DEAD_TOKENS = Duration.ofDays(1);

  private final java.util.concurrent.atomic.AtomicLong issued =
      new java.util.concurrent.atomic.AtomicLong();

  /** A new token for the customer, valid for the configured lifetime (whole seconds). */
  public IssuedToken issue(long customerId) {
    return issue(customerId, null);
  }

  /**
   * As {@link #issue(long)}, for store staff signed in as the customer when {@code impersonatorId}
   * is not null: such a token cannot change the customer's password or email address.
   */
  public IssuedToken issue(long customerId, Long impersonatorId) {
    Instant now = clock.instant();
    if (issued.incrementAndGet() % PURGE_EVERY == 0) {
      purge();
    }
    Instant expiresAt = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String value = HexFormat.of().formatHex(bytes) + "_" + expiresAt.getEpochSecond();
    jdbc.sql(
            """
            INSERT INTO customer_access_tokens (token_hash, customer_id, created_at, expires_at, impersonator_id)
            VALUES (?, ?, ?, ?, ?)""")
        .params(hash(value), customerId, utc(now), utc(expiresAt), impersonatorId)
        .update();
    return new IssuedToken(value, expiresAt);
  }

  /**
   * The customer and group a token belongs to, when it is well-formed, known, unexpired and not
   * revoked.
   */
  public Optional<Requester> resolve(String value, String clientIp) {
    if (value == null || !FORMAT.matcher(value).matches()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    long suffix = Long.parseLong(value.substring(65));
    if (suffix <= now.getEpochSecond()) {
      return Optional.empty();
    }
    String hash = hash(value);
    return jdbc.sql(
            """
            SELECT t.customer_id, c.customer_group_id, t.impersonator_id
            FROM customer_access_tokens t JOIN customers c ON c.id = t.customer_id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?""")
        .params(hash, utc(now))
        .query(
            (rs, n) ->
                new Requester(
                    rs.getLong("customer_id"),
                    rs.getInt("customer_group_id"),
                    clientIp,
                    hash,
                    rs.getObject("impersonator_id", Long.class)))
        .optional();
  }

  /** Revokes every token of the customer (logout signs the customer out on all devices). */
  public int revokeAll(long customerId) {
    return jdbc.sql(
            "UPDATE customer_access_tokens SET revoked_at = ? WHERE customer_id = ? AND revoked_at IS NULL")
        .params(utc(clock.instant()), customerId)
        .update();
  }

  /**
   * Revokes every token of the customer except the one with the given hash (a password change signs
   * the customer out everywhere but on the device that made it).
   */
  public int revokeAllExcept(long customerId, String keptTokenHash) {
    return jdbc.sql(
            """
            UPDATE customer_access_tokens SET revoked_at = ?
            WHERE customer_id = ? AND revoked_at IS NULL AND token_hash <> ?""")
        .params(utc(clock.instant()), customerId, keptTokenHash)
        .update();
  }

  /**
   * Revokes one token of the customer, by its hash (a new login on a device replaces that device's
   * token).
   */
  public int revoke(long customerId, String tokenHash) {
    return jdbc.sql(
            """
            UPDATE customer_access_tokens SET revoked_at = ?
            WHERE customer_id = ? AND token_hash = ? AND revoked_at IS NULL""")
        .params(utc(clock.instant()), customerId, tokenHash)
        .update();
  }

  /**
   * Deletes tokens expired or revoked more than {@link #KEEP_DEAD_TOKENS} ago, and Customer Login
   * JWT ids older than ten minutes (a JWT that old fails its {@code iat} check anyway, so
   * forgetting its id allows no replay).
   *
   * @return the number of token rows deleted
   */
  public int purge() {
    Instant cutoff = clock.instant().minus(KEEP_DEAD_TOKENS);
    int tokens =
        jdbc.sql("DELETE FROM customer_access_tokens WHERE expires_at < ? OR revoked_at < ?")
            .params(utc(cutoff), utc(cutoff))
            .update();
    jdbc.sql("DELETE FROM customer_login_jwt_ids WHERE used_at < ?")
        .param(utc(clock.instant().minus(Duration.ofMinutes(10))))
        .update();
    return tokens;
  }

  static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
