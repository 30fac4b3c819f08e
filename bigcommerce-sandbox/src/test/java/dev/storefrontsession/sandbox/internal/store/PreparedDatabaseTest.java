package dev.storefrontsession.sandbox.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.storefrontsession.sandbox.SandboxSettings;
import java.net.ConnectException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class PreparedDatabaseTest {

  @Test
  void getWhenDatabaseOpensThenReturnsItMigrated() {
    PreparedDatabase prepared =
        PreparedDatabase.start(
            new SandboxSettings.Database.InMemory("prepared-" + UUID.randomUUID()));
    try {
      HikariDataSource ds = prepared.get();

      Integer customers =
          JdbcClient.create(ds).sql("select count(*) from customers").query(Integer.class).single();
      assertThat(customers).isPositive();
      assertThat(prepared.get()).isSameAs(ds);
    } finally {
      prepared.discard();
    }
  }

  @Test
  void getWhenDatabaseUnreachableThenThrowsWhatOpeningThrew() {
    PreparedDatabase prepared =
        PreparedDatabase.start(
            new SandboxSettings.Database.Jdbc(
                "jdbc:postgresql://127.0.0.1:1/sandbox", "sandbox", "not-a-secret"));

    assertThatThrownBy(prepared::get)
        .isInstanceOf(RuntimeException.class)
        .hasRootCauseInstanceOf(ConnectException.class);
    prepared.discard(); // nothing to close; must not throw
  }

  @Test
  void discardWhenOpenedThenClosesThePoolAndIsIdempotent() {
    PreparedDatabase prepared =
        PreparedDatabase.start(
            new SandboxSettings.Database.InMemory("prepared-" + UUID.randomUUID()));
    HikariDataSource ds = prepared.get();

    prepared.discard();
    prepared.discard();

    assertThat(ds.isClosed()).isTrue();
  }
}
