package dev.storefrontsession.sandbox.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.store.DatabaseFactory;
import dev.storefrontsession.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Token issue/resolve/revoke/purge directly on a migrated in-memory database. */
class CustomerAccessTokensUnitTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  final SandboxSettings.Database database =
      new SandboxSettings.Database.InMemory("tokens-" + System.nanoTime());
  HikariDataSource ds;
  JdbcClient jdbc;
  CustomerAccessTokens tokens;

  @BeforeEach
  void open() {
    ds = DatabaseFactory.open(database);
    DatabaseFactory.migrate(ds);
    jdbc = JdbcClient.create(ds);
    tokens = new CustomerAccessTokens(jdbc, clock, Duration.ofHours(1));
  }

  @AfterEach
  void close() {
    DatabaseFactory.close(ds, database);
  }

  private int rows() {
    return jdbc.sql("SELECT COUNT(*) FROM customer_access_tokens").query(Integer.class).single();
  }

  @Test
  void issueWhenResolvedThenCustomerAndGroupUntilExpiry() {
    IssuedToken t = tokens.issue(2);
    assertThat(t.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    assertThat(t.toString()).doesNotContain(t.value());
    assertThat(tokens.resolve(t.value(), "1.2.3.4"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.customerId()).isEqualTo(2L);
              assertThat(r.customerGroupId()).isEqualTo(2);
              assertThat(r.clientIp()).isEqualTo("1.2.3.4");
            });
    clock.advance(Duration.ofHours(1));
    assertThat(tokens.resolve(t.value(), null)).isEmpty();
  }

  @Test
  void revokeAllWhenCalledThenEveryTokenOfThatCustomerOnly() {
    IssuedToken a = tokens.issue(1);
    IssuedToken b = tokens.issue(1);
    IssuedToken other = tokens.issue(2);
    assertThat(tokens.revokeAll(1)).isEqualTo(2);
    assertThat(tokens.resolve(a.value(), null)).isEmpty();
    assertThat(tokens.resolve(b.value(), null)).isEmpty();
    assertThat(tokens.resolve(other.value(), null)).isPresent();
  }

  @Test
  void purgeWhenTokensLongDeadThenDeletedAndLiveOnesKept() {
    IssuedToken expired = tokens.issue(1);
    IssuedToken revoked = tokens.issue(2);
    tokens.revokeAll(2);
    clock.advance(Duration.ofDays(1).plus(Duration.ofHours(2)));
    IssuedToken live = tokens.issue(1);
    assertThat(tokens.purge()).isEqualTo(2);
    assertThat(rows()).isEqualTo(1);
    assertThat(tokens.resolve(live.value(), null)).isPresent();
    assertThat(tokens.resolve(expired.value(), null)).isEmpty();
    assertThat(tokens.resolve(revoked.value(), null)).isEmpty();
  }

  @Test
  void purgeWhenRecentlyDeadThenKept() {
    tokens.issue(1);
    tokens.revokeAll(1);
    clock.advance(Duration.ofHours(3));
    assertThat(tokens.purge()).isZero();
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void resolveWhenMalformedThenEmptyWithoutQuery() {
    assertThat(tokens.resolve("abc", null)).isEmpty();
    assertThat(tokens.resolve(null, null)).isEmpty();
    assertThat(tokens.resolve("A".repeat(64) + "_1", null)).isEmpty();
  }
}
