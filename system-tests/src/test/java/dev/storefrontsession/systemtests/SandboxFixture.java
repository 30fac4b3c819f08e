package dev.storefrontsession.systemtests;

import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The sandbox store in this JVM on a database the test can also read over JDBC (an H2 in-memory
 * database by name, or any JDBC URL such as an embedded PostgreSQL), to count carts and lines
 * before and after.
 */
final class SandboxFixture implements AutoCloseable {

  private final SandboxServer server;
  private final String url;
  private final String user;
  private final String password;

  private SandboxFixture(SandboxServer server, String url, String user, String password) {
    this.server = server;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  static SandboxFixture startH2(UnaryOperator<SandboxSettings.Builder> more) {
    String url = "jdbc:h2:mem:systest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    return start(url, "sa", "", more);
  }

  static SandboxFixture start(
      String url, String user, String password, UnaryOperator<SandboxSettings.Builder> more) {
    // the storefront processes are the store's trusted proxy (StorefrontProcess passes the secret
    // on), so the shopper
    // IPs they forward count, as behind a real BigCommerce store
    SandboxSettings settings =
        more.apply(
                SandboxSettings.builder()
                    .port(0)
                    .jdbcUrl(url, user, password)
                    .trustedProxySecret("system-tests-trusted-proxy-" + UUID.randomUUID()))
            .build();
    return new SandboxFixture(SandboxServer.start(settings), url, user, password);
  }

  SandboxSettings settings() {
    return server.settings();
  }

  URI graphqlEndpoint() {
    return server.graphqlEndpoint();
  }

  SandboxServer server() {
    return server;
  }

  /** Carts and line items (with their total quantity) in the store's database. */
  record CartCounts(long carts, long lines, long quantity) {}

  CartCounts cartCounts() {
    try (Connection c = connection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM carts), (SELECT COUNT(*) FROM cart_line_items),"
                    + " (SELECT COALESCE(SUM(quantity), 0) FROM cart_line_items)")) {
      r.next();
      return new CartCounts(r.getLong(1), r.getLong(2), r.getLong(3));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Puts a customer into a customer group (2 = Wholesale in the demo data). */
  void setCustomerGroup(String email, int groupId) {
    try (Connection c = connection();
        PreparedStatement s =
            c.prepareStatement("UPDATE customers SET customer_group_id = ? WHERE email = ?")) {
      s.setInt(1, groupId);
      s.setString(2, email);
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("no customer " + email);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Connection connection() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  @Override
  public void close() {
    server.close();
    if (url.startsWith("jdbc:h2:mem:")) {
      try (Connection c = connection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException ignored) {
        // already gone
      }
    }
  }
}
