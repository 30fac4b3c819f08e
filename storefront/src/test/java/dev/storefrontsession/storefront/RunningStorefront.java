package dev.storefrontsession.storefront;

import dev.storefrontsession.storefront.embedded.EmbeddedSandbox;
import dev.storefrontsession.testing.ShopperClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Test fixture: the storefront on a random loopback port with an in-memory embedded sandbox. */
final class RunningStorefront implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final URI baseUri;

  private RunningStorefront(ConfigurableApplicationContext context) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.baseUri = URI.create("http://127.0.0.1:" + port);
  }

  static RunningStorefront start(boolean persistentCart) {
    return start(persistentCart, null);
  }

  static RunningStorefront start(
      boolean persistentCart, Duration catLifetime, String... extraProperties) {
    List<String> props =
        new ArrayList<>(
            List.of(
                "server.port=0",
                "storefront.announce=false",
                "AUTH_SECRET=test-secret-for-the-storefront-flow-tests-0123456789",
                // As behind a proxy: the test shoppers send X-Forwarded-For, so login throttling is
                // per shopper.
                "AUTH_TRUST_HOST=true",
                "storefront.sandbox.mode=always",
                "storefront.sandbox.in-memory=true",
                "storefront.sandbox.persistent-cart=" + persistentCart));
    if (catLifetime != null) {
      props.add(
          "storefront.sandbox.customer-access-token-lifetime=" + catLifetime.toMillis() + "ms");
    }
    // "--name=value" are arguments: they win over storefront.properties, which the defaults above
    // do not
    List<String> args = new ArrayList<>();
    for (String extra : extraProperties) {
      (extra.startsWith("--") ? args : props).add(extra);
    }
    return new RunningStorefront(
        StorefrontApplication.builder()
            .properties(props.toArray(String[]::new))
            .run(args.toArray(String[]::new)));
  }

  URI baseUri() {
    return baseUri;
  }

  EmbeddedSandbox sandbox() {
    return context.getBean(EmbeddedSandbox.class);
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  ShopperClient shopper() {
    return ShopperClient.behindProxy(baseUri);
  }

  @Override
  public void close() {
    context.close();
  }
}
