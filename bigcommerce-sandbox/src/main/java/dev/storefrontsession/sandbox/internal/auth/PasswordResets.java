package dev.storefrontsession.sandbox.internal.auth;

import dev.storefrontsession.sandbox.PasswordResetMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One-time password-reset tokens (stored hashed, valid {@link #LIFETIME}) and the outbox of
 * messages the sandbox would have mailed. Thread-safe.
 */
public final class PasswordResets {

  public static final Duration LIFETIME = Duration.ofHours(1);
  private static final int OUTBOX_LIMIT = 100;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final List<PasswordResetMessage> outbox = new ArrayList<>();

  public PasswordResets(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Issues a token and "sends" it. */
  public void issue(long customerId, String email, String path) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Instant now = clock.instant();
    jdbc.sql(
            "INSERT INTO password_reset_tokens (token_hash, customer_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
        .params(CustomerAccessTokens.hash(token), customerId, utc(now), utc(now.plus(LIFETIME)))
        .update();
    synchronized (outbox) {
      outbox.add(new PasswordResetMessage(email, customerId, token, path, now));
      if (outbox.size() > OUTBOX_LIMIT) {
        outbox.remove(0);
      }
    }
  }

  /**
   * Marks the token used when it is valid for the customer, together with every other outstanding
   * token of that customer; false otherwise.
   */
  public boolean consume(long customerId, String token) {
    if (token == null || token.isBlank()) {
      return false;
    }
    Instant now = clock.instant();
    String hash = CustomerAccessTokens.hash(token.trim());
    List<Long> owners =
        jdbc.sql(
                """
            SELECT customer_id FROM password_reset_tokens
            WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
            .params(hash, utc(now))
            .query(Long.class)
            .list();
    if (owners.size() != 1
        || !MessageDigest.isEqual(
            String.valueOf(owners.get(0)).getBytes(StandardCharsets.UTF_8),
            String.valueOf(customerId).getBytes(StandardCharsets.UTF_8))) {
      return false;
    }
    if (jdbc.sql(
                "UPDATE password_reset_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
            .params(utc(now), hash)
            .update()
        != 1) {
      return false;
    }
    // the password is now set: every other link still in the customer's mailbox stops working
    jdbc.sql(
            "UPDATE password_reset_tokens SET used_at = ? WHERE customer_id = ? AND used_at IS NULL")
        .params(utc(now), customerId)
        .update();
    return true;
  }

  public List<PasswordResetMessage> outbox() {
    synchronized (outbox) {
      return List.copyOf(outbox);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
