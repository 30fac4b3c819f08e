package dev.storefrontsession.sandbox.internal.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.storefrontsession.sandbox.SandboxSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The sandbox's database, opened and migrated on a thread of its own while the sandbox's Spring
 * context starts (the two are independent and about equally long; done in turn they were the
 * critical path of an embedded start). {@link #get()} waits for it. Thread-safe.
 */
public final class PreparedDatabase {

  private final SandboxSettings.Database database;
  private final CompletableFuture<HikariDataSource> dataSource = new CompletableFuture<>();

  private PreparedDatabase(SandboxSettings.Database database) {
    this.database = database;
  }

  /** Starts opening and migrating {@code database} in the background. */
  public static PreparedDatabase start(SandboxSettings.Database database) {
    PreparedDatabase prepared = new PreparedDatabase(database);
    Thread worker = new Thread(prepared::openAndMigrate, "sandbox-database-start");
    worker.setDaemon(true);
    worker.start();
    return prepared;
  }

  private void openAndMigrate() {
    try {
      HikariDataSource ds = DatabaseFactory.open(database);
      try {
        DatabaseFactory.migrate(ds);
      } catch (RuntimeException | Error e) {
        ds.close();
        throw e;
      }
      dataSource.complete(ds);
    } catch (Throwable t) {
      dataSource.completeExceptionally(t);
    }
  }

  /** The migrated database; waits for it. Throws what opening or migrating threw. */
  public HikariDataSource get() {
    try {
      return dataSource.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * Closes the database when the context that was to use it did not start. Idempotent; never
   * throws.
   */
  public void discard() {
    try {
      DatabaseFactory.close(dataSource.join(), database);
    } catch (RuntimeException failedAnyway) {
      // nothing was opened, or it is closed already
    }
  }
}
