package dev.storefrontsession.spring.testing;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.CustomerLogin;
import dev.storefrontsession.client.GraphQLRequest;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.spring.testapp.TestShopApplication;
import dev.storefrontsession.testing.MutableClock;
import dev.storefrontsession.testing.ShopperClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test storefront ({@link TestShopApplication}) started on a random loopback port against an
 * embedded sandbox. Close it after the tests of a class.
 */
public final class TestShop implements AutoCloseable {

  public static final String SECRET = "test-secret-for-session-spring-0123456789";
  public static final String SHOPPER_EMAIL = "shopper@example.com";
  public static final String SHOPPER_PASSWORD = "Shopper-Pass-1";

  private final SandboxServer sandbox;
  private final boolean ownsSandbox;
  private final ConfigurableApplicationContext context;
  private final URI base;

  private TestShop(
      SandboxServer sandbox, boolean ownsSandbox, ConfigurableApplicationContext context) {
    this.sandbox = sandbox;
    this.ownsSandbox = ownsSandbox;
    this.context = context;
    this.base =
        URI.create(
            "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/");
  }

  /** A new in-memory sandbox. */
  public static SandboxServer sandbox(boolean persistentCart) {
    return SandboxServer.start(
        SandboxSettings.builder()
            .port(0)
            .inMemoryDatabase()
            .persistentCart(persistentCart)
            .customerAccessTokenLifetime(Duration.ofDays(7))
            .build());
  }

  /** Starts a sandbox (persistent cart) and the app with extra properties {@code key=value}. */
  public static TestShop start(String... properties) {
    SandboxServer sandbox = sandbox(true);
    try {
      return new TestShop(sandbox, true, app(sandbox, properties));
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  /** Starts the app on an existing sandbox (which the caller closes). */
  public static TestShop start(SandboxServer sandbox, String... properties) {
    return new TestShop(sandbox, false, app(sandbox, properties));
  }

  /**
   * As {@link #app(SandboxServer, String...)}, with singletons of the test's own registered first
   * (by bean name).
   */
  public static ConfigurableApplicationContext app(
      SandboxServer sandbox, Map<String, Object> beans, String... properties) {
    return builder(sandbox, properties)
        .initializers(
            context ->
                beans.forEach(
                    (name, bean) -> context.getBeanFactory().registerSingleton(name, bean)))
        .run();
  }

  /** Starts only the app (no sandbox connection needed for the failure under test). */
  public static ConfigurableApplicationContext app(SandboxServer sandbox, String... properties) {
    return builder(sandbox, properties).run();
  }

  private static SpringApplicationBuilder builder(SandboxServer sandbox, String... properties) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "server.address=127.0.0.1",
                "server.port=0",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN",
                "storefront.bigcommerce.graphql-endpoint=" + sandbox.graphqlEndpointTemplate(),
                "storefront.bigcommerce.storefront-token=" + sandbox.settings().storefrontToken(),
                "storefront.bigcommerce.store-hash=" + sandbox.settings().storeHash(),
                "storefront.bigcommerce.channel-id=" + sandbox.settings().channelId()));
    boolean secretGiven = false;
    for (String property : properties) {
      if (property.startsWith("storefront.session.secret=")
          || property.startsWith("AUTH_SECRET=")
          || property.startsWith("storefront.session.generate-secret-if-missing=")) {
        secretGiven = true;
      }
    }
    if (!secretGiven) {
      all.add("storefront.session.secret=" + SECRET);
    }
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(TestShopApplication.class)
        .properties(all.toArray(String[]::new));
  }

  public ShopperClient browser() {
    return new ShopperClient(base);
  }

  public URI base() {
    return base;
  }

  /** {@code http://127.0.0.1:port} */
  public String origin() {
    String uri = base.toString();
    return uri.substring(0, uri.length() - 1);
  }

  public SandboxServer sandbox() {
    return sandbox;
  }

  public MutableClock clock() {
    return context.getBean(MutableClock.class);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public StorefrontClient client() {
    return context.getBean(StorefrontClient.class);
  }

  /** A codec with the test secret and the app's clock. */
  public SessionCodec codec() {
    return new SessionCodec(KeyRing.of(SECRET), clock());
  }

  /** A guest cart with one item, made directly on the sandbox. */
  public String createGuestCart() {
    return createGuestCart(client().defaultChannelId());
  }

  /** A guest cart with one item on channel {@code channelId}, made directly on the sandbox. */
  public String createGuestCart(long channelId) {
    return client()
        .execute(
            GraphQLRequest.builder(
                    "mutation CreateCart($productId: Int!) { cart { createCart(input:"
                        + " {lineItems: [{productEntityId: $productId, quantity: 1}]}) { cart { entityId } } } }")
                .variables(Map.of("productId", 77))
                .context(CustomerContext.guest())
                .channelId(channelId)
                .build())
        .data()
        .path("cart")
        .path("createCart")
        .path("cart")
        .path("entityId")
        .asString();
  }

  /** Signs the demo shopper in directly on the sandbox (no cookies). */
  public CustomerLogin loginDirectly() {
    return client().login(SHOPPER_EMAIL, SHOPPER_PASSWORD, null, CustomerContext.guest());
  }

  /**
   * Leaves the demo shopper without a cart on the store (signs in directly and out with the cart,
   * which a store without persistent carts then unassigns), so cart outcomes do not depend on
   * earlier tests.
   */
  public void clearShopperCart() {
    CustomerLogin login = loginDirectly();
    client().logout(login.accessToken(), login.cartId(), CustomerContext.guest());
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      if (ownsSandbox) {
        sandbox.close();
      }
    }
  }
}
