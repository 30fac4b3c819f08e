package dev.storefrontsession.benchmarks;

import dev.storefrontsession.benchmarks.internal.BadgeController;
import dev.storefrontsession.benchmarks.internal.CatalogPageController;
import dev.storefrontsession.benchmarks.internal.NoSessionLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The server of {@code bin/bench request}: two pages that read {@code auth()}: a guest-cached
 * catalog page rendered with Thymeleaf ({@link CatalogPageController}, {@code GET /bench/catalog})
 * and a bare page ({@link BadgeController}, {@code GET /bench/page}), started either with the
 * session layer ({@code session-spring}'s auto-configuration and its Spring Security filter chain,
 * as the storefront runs) or without it (the same app and page with {@code session-spring} and
 * Spring Security auto-configuration excluded and a {@code ShopperSessions} that has no session).
 * Everything else (Tomcat, MVC, JVM flags) is the same, so the throughput difference is the session
 * layer: cookie parsing, decode, security filters, response headers.
 *
 * <p>Usage: {@code SessionOverheadApp sessions|plain}; configuration by the storefront's
 * environment names ({@code AUTH_SECRET}, {@code BIGCOMMERCE_*}). Prints {@code bench.port=N} when
 * ready.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
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
@Import({BadgeController.class, CatalogPageController.class})
public class SessionOverheadApp {

  /** What {@code plain} mode turns off: the whole session layer. */
  static final String SESSION_LAYER =
      String.join(
          ",",
          "dev.storefrontsession.spring.StorefrontSessionAutoConfiguration",
          "dev.storefrontsession.spring.StorefrontObservabilityAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");

  public static void main(String[] args) {
    if (args.length != 1 || !(args[0].equals("sessions") || args[0].equals("plain"))) {
      System.err.println("usage: SessionOverheadApp sessions|plain");
      System.exit(2);
    }
    ConfigurableApplicationContext context = start(args[0].equals("sessions"), 0);
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    System.out.println("bench.port=" + port);
    System.out.flush();
  }

  /**
   * Every auto-configuration of Actuator, Micrometer, tracing and OpenTelemetry on the class path,
   * and ours.
   */
  static List<String> observabilityAutoConfigurations() {
    List<String> names = new ArrayList<>();
    try {
      for (java.net.URL url :
          java.util.Collections.list(
              SessionOverheadApp.class
                  .getClassLoader()
                  .getResources(
                      "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))) {
        try (java.io.InputStream in = url.openStream()) {
          for (String line :
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (name.contains(".micrometer.")
                || name.contains(".actuate.")
                || name.contains(".opentelemetry.")
                || name.contains(".health.")
                || name.endsWith("StorefrontObservabilityAutoConfiguration")) {
              names.add(name);
            }
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return names;
  }

  /** Starts the app on {@code port} (0: any free port) on loopback. */
  public static ConfigurableApplicationContext start(boolean sessions, int port) {
    SpringApplication app =
        sessions
            ? new SpringApplication(SessionOverheadApp.class)
            : new SpringApplication(SessionOverheadApp.class, NoSessionLayer.Configuration.class);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("spring.config.name", "bench-none");
    props.put("server.address", "127.0.0.1");
    props.put("server.port", port);
    props.put("server.tomcat.max-keep-alive-requests", -1);
    props.put("spring.main.banner-mode", "off");
    props.put("spring.jmx.enabled", false);
    props.put("logging.level.root", "WARN");
    // The storefront's template settings (storefront.properties), so the page costs what a
    // storefront page costs.
    props.put("spring.thymeleaf.enable-spring-el-compiler", true);
    // As the storefront runs (storefront.properties): probes, store-call histograms, W3C tracing at
    // 10 %, no exporter
    props.put("management.endpoints.web.exposure.include", "health");
    props.put("management.endpoint.health.probes.enabled", true);
    props.put(
        "management.metrics.distribution.percentiles-histogram.storefront.bigcommerce.requests",
        true);
    props.put("management.tracing.sampling.probability", 0.1);
    props.put("management.tracing.baggage.enabled", false);
    props.put("management.metrics.observations.ignored-meters", "long-task-timer");
    // No servlet sessions, as the storefront: Tomcat does not parse each Cookie header for a
    // JSESSIONID
    props.put("server.servlet.session.tracking-modes", "");
    List<String> excluded = new ArrayList<>();
    if (!sessions) {
      excluded.add(SESSION_LAYER);
    }
    if ("off".equalsIgnoreCase(System.getenv("BENCH_OBSERVABILITY"))) {
      excluded.addAll(observabilityAutoConfigurations());
    }
    if (!excluded.isEmpty()) {
      props.put("spring.autoconfigure.exclude", String.join(",", excluded));
    }
    app.setDefaultProperties(props);
    return app.run();
  }
}
