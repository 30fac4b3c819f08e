package dev.storefrontsession.sandbox.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storefrontsession.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Opens the configured database and migrates it with Flyway ({@code
 * classpath:sandbox/db/migration}).
 */
public final class DatabaseFactory {

  static final String MIGRATIONS = "classpath:sandbox/db/migration";

  private DatabaseFactory() {}

  public static HikariDataSource open(SandboxSettings.Database database) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sandbox");
    config.setMaximumPoolSize(16);
    config.setMinimumIdle(2);
    config.setRegisterMbeans(false);
    if (database instanceof SandboxSettings.Database.InMemory m) {
      config.setJdbcUrl("jdbc:h2:mem:" + m.name() + ";DB_CLOSE_DELAY=-1");
      config.setUsername("sa");
      config.setPassword("");
    } else if (database instanceof SandboxSettings.Database.H2Files f) {
      Path dir = f.directory().toAbsolutePath().normalize();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create data directory " + dir, e);
      }
      config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("sandbox") + ";AUTO_SERVER=FALSE");
      config.setUsername("sa");
      config.setPassword("");
    } else if (database instanceof SandboxSettings.Database.Jdbc j) {
      config.setJdbcUrl(j.url());
      config.setUsername(j.user());
      config.setPassword(j.password());
    }
    return new HikariDataSource(config);
  }

  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .table("sandbox_schema_history")
        .load()
        .migrate();
  }

  /** Drops an in-memory H2 database (it would otherwise live as long as the JVM). */
  public static void close(HikariDataSource dataSource, SandboxSettings.Database database) {
    if (database instanceof SandboxSettings.Database.InMemory) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException ignored) {
        // already gone
      }
    }
    dataSource.close();
  }
}
