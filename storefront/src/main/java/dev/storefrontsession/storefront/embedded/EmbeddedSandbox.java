package dev.storefrontsession.storefront.embedded;

import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.storefront.internal.EmbeddedStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The sandbox this storefront started in its own process because no store was configured; a bean of
 * the storefront's context (absent when a real store is used). The sandbox runs its own Spring
 * context and web server on a loopback port, starts in parallel with the storefront (methods wait
 * until it is up) and is closed with the storefront. The storefront finds it through {@link
 * Starter} ({@code META-INF/services}); it is part of the development jar only. Thread-safe.
 */
public final class EmbeddedSandbox implements EmbeddedStore {

  /** The {@link EmbeddedStore.Starter} of the development jar: starts the sandbox. */
  public static final class Starter implements EmbeddedStore.Starter {
    @Override
    public EmbeddedStore startInBackground(
        ConfigurableEnvironment env, String defaultDataDir, String fallbackProxySecret) {
      return EmbeddedSandbox.startInBackground(env, defaultDataDir, fallbackProxySecret);
    }
  }

  private final CompletableFuture<SandboxServer> server;
  private final SandboxSettings settings;

  EmbeddedSandbox(CompletableFuture<SandboxServer> server, SandboxSettings settings) {
    this.server = server;
    this.settings = settings;
  }

  /**
   * Starts the sandbox on a background thread with the {@code storefront.sandbox.*} settings of
   * {@code env} and returns at once. {@code defaultDataDir} is the H2 folder unless {@code
   * storefront.sandbox.data-dir} or {@code storefront.sandbox.in-memory} says otherwise; {@code
   * fallbackProxySecret} is the trusted-proxy secret shared with the storefront when none is
   * configured.
   */
  public static EmbeddedSandbox startInBackground(
      ConfigurableEnvironment env, String defaultDataDir, String fallbackProxySecret) {
    SandboxSettings settings = settings(env, defaultDataDir, fallbackProxySecret);
    CompletableFuture<SandboxServer> future = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                future.complete(SandboxServer.start(settings));
              } catch (Throwable t) {
                future.completeExceptionally(t);
              }
            },
            "embedded-sandbox-start");
    starter.setDaemon(true);
    starter.start();
    return new EmbeddedSandbox(future, settings);
  }

  private static SandboxSettings settings(
      ConfigurableEnvironment env, String defaultDataDir, String fallbackProxySecret) {
    SandboxSettings.Builder b =
        SandboxSettings.builder()
            .port(env.getProperty("storefront.sandbox.port", Integer.class, 0));
    if (env.getProperty("storefront.sandbox.in-memory", Boolean.class, false)) {
      b.inMemoryDatabase();
    } else {
      b.dataDirectory(Path.of(env.getProperty("storefront.sandbox.data-dir", defaultDataDir)));
    }
    Boolean persistentCart = env.getProperty("storefront.sandbox.persistent-cart", Boolean.class);
    if (persistentCart != null) {
      b.persistentCart(persistentCart);
    }
    Duration catLifetime =
        env.getProperty("storefront.sandbox.customer-access-token-lifetime", Duration.class);
    if (catLifetime != null) {
      b.customerAccessTokenLifetime(catLifetime);
    }
    String proxySecret =
        firstOf(
            env, "storefront.bigcommerce.trusted-proxy-secret", "BIGCOMMERCE_TRUSTED_PROXY_SECRET");
    b.trustedProxySecret(proxySecret != null ? proxySecret : fallbackProxySecret);
    return b.build();
  }

  private static @Nullable String firstOf(ConfigurableEnvironment env, String... names) {
    for (String n : names) {
      String v = env.getProperty(n);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /**
   * The storefront's settings for this store, known before it is up: {@code
   * BIGCOMMERCE_STORE_HASH}, {@code _CHANNEL_ID}, {@code _STOREFRONT_TOKEN}, {@code _CLIENT_ID},
   * {@code _CLIENT_SECRET} and {@code _TRUSTED_PROXY_SECRET} (the storefront is the sandbox's
   * trusted proxy, as a Catalyst deployment is BigCommerce's: the shopper IPs it forwards count,
   * forged ones from anyone else do not). The endpoint is not among them: its port is known once
   * the sandbox is up ({@link #graphqlEndpoint()}).
   */
  @Override
  public Map<String, String> storeProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("BIGCOMMERCE_STORE_HASH", settings.storeHash());
    props.put("BIGCOMMERCE_CHANNEL_ID", String.valueOf(settings.channelId()));
    props.put("BIGCOMMERCE_STOREFRONT_TOKEN", settings.storefrontToken());
    props.put("BIGCOMMERCE_CLIENT_ID", settings.clientId());
    props.put("BIGCOMMERCE_CLIENT_SECRET", settings.clientSecret());
    settings
        .trustedProxySecret()
        .ifPresent(secret -> props.put("BIGCOMMERCE_TRUSTED_PROXY_SECRET", secret));
    return props;
  }

  /** The sandbox's Storefront GraphQL endpoint, {@code http://127.0.0.1:<port>/graphql}. */
  @Override
  public URI graphqlEndpoint() {
    return server().graphqlEndpoint();
  }

  /**
   * Every channel's endpoint as the client's template, {@code
   * http://127.0.0.1:<port>/channels/{channelId}/graphql}.
   */
  @Override
  public String graphqlEndpointTemplate() {
    return server().graphqlEndpointTemplate();
  }

  /** The settings the sandbox runs with (store hash, channel, tokens, API client credentials). */
  public SandboxSettings settings() {
    return settings;
  }

  /**
   * Registers the storefront's address with the sandbox's channel, as a site URL is registered with
   * BigCommerce: its checkout links back there (waits for the start to finish).
   */
  @Override
  public void siteUrl(URI site) {
    server().channelSiteUrl(site);
  }

  /** The channel's storefront URL (see {@link #siteUrl(URI)}). */
  @Override
  public URI siteUrl() {
    return server().channelSiteUrl();
  }

  @Override
  public void siteUrl(long channelId, URI site) {
    server().channelSiteUrl(channelId, site);
  }

  @Override
  public URI siteUrl(long channelId) {
    return server().channelSiteUrl(channelId);
  }

  /** Waits for the start to finish; throws if it failed. */
  @Override
  public void awaitStart() {
    server();
  }

  /** The running server itself (waits for the start to finish; throws if it failed). */
  public SandboxServer server() {
    try {
      return server.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(
          "The embedded sandbox did not start: " + cause.getMessage(), cause);
    }
  }

  @Override
  public List<ResetMessage> sentPasswordResets() {
    return server().sentPasswordResetMessages().stream()
        .map(m -> new ResetMessage(m.email(), m.customerEntityId(), m.token(), m.path()))
        .toList();
  }

  /** Stops the sandbox (waits for its start first). */
  @Override
  public void close() {
    server().close();
  }

  @Override
  public String toString() {
    return "EmbeddedSandbox["
        + (server.isDone() && !server.isCompletedExceptionally()
            ? server.join().graphqlEndpoint()
            : "starting")
        + "]";
  }
}
