package dev.storefrontsession.storefront;

import dev.storefrontsession.storefront.internal.ProductionDefaults;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The storefront application. Auto-configuration that arrives on the classpath only through the
 * embedded sandbox (DataSource, Flyway, JDBC, GraphQL server) is excluded: the sandbox runs its
 * own, separate Spring context.
 */
@SpringBootApplication(
    excludeName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
      "org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration",
      "org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration"
    })
public class StorefrontApplication {

  /**
   * Starts the storefront. Besides Spring's own arguments it accepts {@code --port N} (same as
   * {@code --server.port=N}).
   */
  public static void main(String[] args) {
    application().run(translateArguments(args));
  }

  /**
   * The application with the storefront's start-up listeners (embedded sandbox, secret check,
   * banner).
   */
  public static SpringApplication application() {
    return builder().build();
  }

  /** A builder for tests and embedders: add properties, then {@code run()}. */
  public static SpringApplicationBuilder builder() {
    // The storefront's settings live in classpath:storefront.properties, not
    // application.properties, so that
    // the embedded sandbox's own Spring context (same classpath) does not pick them up.
    return new SpringApplicationBuilder(StorefrontApplication.class)
        .properties("spring.config.name=storefront")
        .listeners(new ProductionDefaults(), new StorefrontStartup());
  }

  static String[] translateArguments(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--port") && i + 1 < args.length) {
        out.add("--server.port=" + args[++i]);
      } else if (arg.startsWith("--port=")) {
        out.add("--server.port=" + arg.substring("--port=".length()));
      } else {
        out.add(arg);
      }
    }
    return out.toArray(String[]::new);
  }
}
