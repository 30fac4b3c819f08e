package dev.storefrontsession.storefront.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A demo store the storefront starts in its own process when no store is configured (development
 * only): the BigCommerce sandbox, seen through what the storefront needs of it. The one
 * implementation, {@code storefront.embedded.EmbeddedSandbox}, is found with {@link ServiceLoader}
 * and is part of the development jar only ({@code storefront-<version>-dev.jar}, which {@code
 * bin/storefront} runs); the production jar holds neither it nor the sandbox, so {@link #starter()}
 * is empty there and nothing of the sandbox is ever loaded. A bean of the storefront's context
 * while it runs. Implementations are thread-safe; methods other than {@link #storeProperties()}
 * wait until the store is up.
 */
public interface EmbeddedStore extends AutoCloseable {

  /**
   * The storefront's settings for this store, known before it is up: {@code
   * BIGCOMMERCE_STORE_HASH}, {@code _CHANNEL_ID}, {@code _STOREFRONT_TOKEN}, {@code _CLIENT_ID},
   * {@code _CLIENT_SECRET} and {@code _TRUSTED_PROXY_SECRET}; not the endpoint, whose port is known
   * once the store is up.
   */
  Map<String, String> storeProperties();

  /** The store's Storefront GraphQL endpoint, {@code http://127.0.0.1:<port>/graphql}. */
  URI graphqlEndpoint();

  /**
   * Every channel's endpoint as the client's template, {@code
   * http://127.0.0.1:<port>/channels/{channelId}/graphql}.
   */
  String graphqlEndpointTemplate();

  /** Registers the storefront's address with the store's channel: its checkout links back there. */
  void siteUrl(URI site);

  /** The channel's storefront URL (see {@link #siteUrl(URI)}). */
  URI siteUrl();

  /**
   * Registers the storefront's address for one channel (with the path prefix it serves the channel
   * under): the checkout of that channel's carts links back there.
   *
   * @throws IllegalArgumentException when the store has no such channel
   */
  void siteUrl(long channelId, URI site);

  /** The storefront URL of {@code channelId} (its own, else the one of {@link #siteUrl(URI)}). */
  URI siteUrl(long channelId);

  /** Waits for the start to finish; throws if it failed. */
  void awaitStart();

  /** The password-reset messages the store would have emailed so far, oldest first. */
  List<ResetMessage> sentPasswordResets();

  /** Stops the store (waits for its start first). */
  @Override
  void close();

  /**
   * A password-reset email the store would have sent.
   *
   * @param email the customer's email
   * @param customerEntityId the customer's id
   * @param token the one-time reset token (a secret: {@link #toString()} hides it)
   * @param path the storefront path the reset was requested for, or null
   */
  record ResetMessage(String email, long customerEntityId, String token, @Nullable String path) {
    @Override
    public String toString() {
      return "ResetMessage[email="
          + email
          + ", customerEntityId="
          + customerEntityId
          + ", token=<redacted>, path="
          + path
          + "]";
    }
  }

  /** Starts an embedded store; registered in {@code META-INF/services} by the development jar. */
  interface Starter {

    /**
     * Starts the store on a background thread with the {@code storefront.sandbox.*} settings of
     * {@code env} and returns at once. {@code defaultDataDir} is its database folder unless the
     * settings say otherwise; {@code fallbackProxySecret} is the trusted-proxy secret shared with
     * the storefront when none is configured.
     */
    EmbeddedStore startInBackground(
        ConfigurableEnvironment env, String defaultDataDir, String fallbackProxySecret);
  }

  /**
   * The starter on the class path: present in the development jar and in the storefront module's
   * tests, empty in the production jar (also when its classes are there but the sandbox's are not).
   */
  static Optional<Starter> starter() {
    try {
      return ServiceLoader.load(Starter.class, EmbeddedStore.class.getClassLoader()).findFirst();
    } catch (ServiceConfigurationError | LinkageError e) {
      return Optional.empty();
    }
  }
}
