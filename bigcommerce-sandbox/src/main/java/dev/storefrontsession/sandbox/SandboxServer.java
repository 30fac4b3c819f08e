package dev.storefrontsession.sandbox;

import dev.storefrontsession.sandbox.internal.SandboxApplication;
import dev.storefrontsession.sandbox.internal.auth.PasswordResets;
import dev.storefrontsession.sandbox.internal.service.ChannelSite;
import dev.storefrontsession.sandbox.internal.store.Channels;
import dev.storefrontsession.sandbox.internal.web.SandboxOrigin;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running sandbox: its own Spring context and web server, serving {@code POST /graphql}.
 * Thread-safe. Close it to stop the server and release the database (an in-memory database is
 * dropped).
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.builder().inMemoryDatabase().build())) {
 *   URI endpoint = sandbox.graphqlEndpoint();
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

  private final SandboxSettings settings;
  private final ConfigurableApplicationContext context;
  private final int port;

  private SandboxServer(
      SandboxSettings settings, ConfigurableApplicationContext context, int port) {
    this.settings = settings;
    this.context = context;
    this.port = port;
  }

  /**
   * Starts a sandbox embedded in the current JVM. It does not touch the host's logging
   * configuration, environment or Spring context.
   *
   * @throws IllegalStateException when the server cannot start (port in use, database unreachable,
   *     …)
   */
  public static SandboxServer start(SandboxSettings settings) {
    return start(settings, false);
  }

  static SandboxServer start(SandboxSettings settings, boolean standalone) {
    Objects.requireNonNull(settings, "settings");
    ConfigurableApplicationContext context = SandboxApplication.run(settings, standalone);
    return new SandboxServer(settings, context, SandboxApplication.port(context));
  }

  public SandboxSettings settings() {
    return settings;
  }

  /** The bound port (the real one when {@link SandboxSettings#port()} was 0). */
  public int port() {
    return port;
  }

  /** {@code http://<bind address>:<port>/graphql}. */
  public URI graphqlEndpoint() {
    return URI.create(SandboxOrigin.of(settings.bindAddress(), port) + "/graphql");
  }

  /**
   * Sets the channel's storefront URL, where the sandbox's checkout sends shoppers back (sign in,
   * sign out, order confirmation), as a storefront registers its site with BigCommerce. Until set:
   * the channel's vanity URL.
   *
   * @param site an absolute http(s) URL without query or fragment, e.g. {@code
   *     http://localhost:8080}
   * @throws IllegalArgumentException when it is not
   */
  public void channelSiteUrl(URI site) {
    context.getBean(ChannelSite.class).set(site);
  }

  /** The channel's storefront URL (see {@link #channelSiteUrl(URI)}). */
  public URI channelSiteUrl() {
    return context.getBean(ChannelSite.class).url();
  }

  /**
   * Sets one channel's storefront URL, where the checkout of that channel's carts sends shoppers
   * back, as each channel's site is registered with BigCommerce (a storefront serving the channel
   * under a path registers it with the path, {@code http://localhost:8080/fr}). Channels without
   * one use {@link #channelSiteUrl(URI)}'s.
   *
   * @throws IllegalArgumentException when the store has no such channel or the URL is not an
   *     absolute http(s) URL without query or fragment
   */
  public void channelSiteUrl(long channelId, URI site) {
    if (context.getBean(Channels.class).channel(channelId).isEmpty()) {
      throw new IllegalArgumentException("The store has no channel " + channelId + ".");
    }
    context.getBean(ChannelSite.class).set(channelId, site);
  }

  /** The storefront URL of {@code channelId} (its own, else the default one). */
  public URI channelSiteUrl(long channelId) {
    return context.getBean(ChannelSite.class).url(channelId);
  }

  /**
   * The endpoint of every channel as a client's endpoint template: {@code http://<bind
   * address>:<port>/channels/ {channelId}/graphql} (the client fills in the channel of each call;
   * {@link #graphqlEndpoint()} is the default channel's).
   */
  public String graphqlEndpointTemplate() {
    String endpoint = graphqlEndpoint().toString();
    return endpoint.substring(0, endpoint.length() - "/graphql".length())
        + "/channels/{channelId}/graphql";
  }

  /**
   * Password-reset messages the sandbox "sent" (it sends no mail), oldest first. Each holds the
   * customer id and the one-time token that {@code customer.resetPassword} expects.
   */
  public List<PasswordResetMessage> sentPasswordResetMessages() {
    return context.getBean(PasswordResets.class).outbox();
  }

  /**
   * "Login as customer", as store staff do it from BigCommerce's control panel: a one-time Customer
   * Login JWT for {@code customerId} that names the staff member in {@code impersonator_id}. The
   * sandbox accepts it within 30 seconds, once, and only for a staff member allowed to (demo data:
   * staff {@code 1}, the store owner; staff {@code 2} may not).
   *
   * @param redirectTo the storefront path to land on, or null
   */
  public String loginAsCustomerJwt(long customerId, long staffId, String redirectTo) {
    return dev.storefrontsession.sandbox.internal.auth.LoginAsCustomer.jwt(
        settings, customerId, staffId, redirectTo);
  }

  /** Stops the web server and closes the database. Idempotent. */
  @Override
  public void close() {
    context.close();
  }

  @Override
  public String toString() {
    return "SandboxServer[" + graphqlEndpoint() + "]";
  }
}
