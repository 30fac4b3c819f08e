package dev.storefrontsession.benchmarks.internal;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real storefront application ({@code dev.storefrontsession.storefront.StorefrontApplication},
 * with its start-up listener and {@code storefront.properties}) started in this JVM. The storefront
 * module is a Spring Boot jar, not a library, so {@code bin/bench} puts its classes on the class
 * path at run time and this class reaches them by name.
 */
public final class InProcessStorefront implements AutoCloseable {

  private static final String APP = "dev.storefrontsession.storefront.StorefrontApplication";
  private static final String SANDBOX = "dev.storefrontsession.storefront.embedded.EmbeddedSandbox";

  private final ConfigurableApplicationContext context;

  private InProcessStorefront(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /**
   * Starts the storefront on a free loopback port with {@code properties} (e.g. {@code
   * AUTH_SECRET}, {@code BIGCOMMERCE_GRAPHQL_ENDPOINT}, {@code storefront.sandbox.in-memory}) and
   * extra configuration classes (beans that replace the defaults, e.g. a client without a cache).
   */
  public static InProcessStorefront start(
      Map<String, Object> properties, Class<?>... extraSources) {
    SpringApplicationBuilder builder;
    try {
      builder = (SpringApplicationBuilder) Class.forName(APP).getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "the storefront classes are not on the class path (run through bin/bench)", e);
    }
    String[] props =
        properties.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    builder.properties(
        "server.port=0",
        "storefront.announce=false",
        "server.tomcat.max-keep-alive-requests=-1",
        "logging.level.dev.storefrontsession=WARN");
    builder.properties(props);
    if (extraSources.length > 0) {
      builder.sources(extraSources);
    }
    return new InProcessStorefront(builder.run());
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /**
   * A property of the running storefront's environment (e.g. {@code BIGCOMMERCE_STOREFRONT_TOKEN}).
   */
  public String property(String name) {
    return context.getEnvironment().getRequiredProperty(name);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The GraphQL endpoint of the sandbox the storefront embedded (when it started one). */
  public URI embeddedSandboxEndpoint() {
    try {
      Object sandbox = context.getBean(Class.forName(SANDBOX));
      return (URI) sandbox.getClass().getMethod("graphqlEndpoint").invoke(sandbox);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the storefront has no embedded sandbox", e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
