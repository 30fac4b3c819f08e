package dev.storefrontsession.sandbox.internal.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.storefrontsession.sandbox.SandboxSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Database, migrations and repositories. */
@Configuration(proxyBeanMethods = false)
public class StoreBeans {

  /**
   * Opened and migrated in parallel with this context's start ({@link PreparedDatabase}); closed by
   * the closer.
   */
  @Bean(destroyMethod = "")
  HikariDataSource sandboxDataSource(PreparedDatabase database) {
    return database.get();
  }

  @Bean
  DataSourceCloser sandboxDataSourceCloser(HikariDataSource ds, SandboxSettings settings) {
    return new DataSourceCloser(ds, settings.database());
  }

  @Bean
  JdbcClient sandboxJdbcClient(HikariDataSource ds) {
    return JdbcClient.create(ds);
  }

  @Bean
  Tx sandboxTx(HikariDataSource ds) {
    return new Tx(new TransactionTemplate(new DataSourceTransactionManager(ds)));
  }

  @Bean
  Catalog catalog(JdbcClient jdbc) {
    return Catalog.load(jdbc);
  }

  @Bean
  Channels channels(JdbcClient jdbc, SandboxSettings settings) {
    return Channels.load(jdbc, settings.storeHash(), settings.channelId());
  }

  @Bean
  ProductDetails productDetails(JdbcClient jdbc) {
    return ProductDetails.load(jdbc);
  }

  @Bean
  ShopperInputRepository shopperInputRepository(JdbcClient jdbc) {
    return new ShopperInputRepository(jdbc);
  }

  @Bean
  CheckoutStateRepository checkoutStateRepository(JdbcClient jdbc) {
    return new CheckoutStateRepository(jdbc);
  }

  @Bean
  CustomerRepository customerRepository(JdbcClient jdbc) {
    return new CustomerRepository(jdbc);
  }

  @Bean
  AddressRepository addressRepository(JdbcClient jdbc) {
    return new AddressRepository(jdbc);
  }

  @Bean
  CartRepository cartRepository(JdbcClient jdbc) {
    return new CartRepository(jdbc);
  }

  @Bean
  WishlistRepository wishlistRepository(JdbcClient jdbc) {
    return new WishlistRepository(jdbc);
  }

  @Bean
  NewsletterRepository newsletterRepository(JdbcClient jdbc) {
    return new NewsletterRepository(jdbc);
  }

  @Bean
  OrderRepository orderRepository(JdbcClient jdbc) {
    return new OrderRepository(jdbc);
  }

  @Bean
  CheckoutRepository checkoutRepository(JdbcClient jdbc) {
    return new CheckoutRepository(jdbc);
  }

  /** Closes the pool (and drops an in-memory database) when the context closes. */
  public static final class DataSourceCloser implements AutoCloseable {
    private final HikariDataSource ds;
    private final SandboxSettings.Database database;

    DataSourceCloser(HikariDataSource ds, SandboxSettings.Database database) {
      this.ds = ds;
      this.database = database;
    }

    @Override
    public void close() {
      DatabaseFactory.close(ds, database);
    }
  }
}
