package dev.storefrontsession.benchmarks.internal;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.spring.ShopperSession;
import dev.storefrontsession.spring.ShopperSessions;
import java.util.Optional;

/**
 * {@link ShopperSessions} of an app without the session layer: every request is an anonymous guest.
 */
public final class NoSessionLayer implements ShopperSessions {

  /**
   * Registers it and the Storefront API client session-spring would otherwise provide (only in the
   * app's plain mode: not a nested class of the app, which Spring would pick up).
   */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  public static class Configuration {
    @org.springframework.context.annotation.Bean
    ShopperSessions shopperSessions() {
      return new NoSessionLayer();
    }

    /** The client session-spring would build from the same environment names. */
    @org.springframework.context.annotation.Bean
    dev.storefrontsession.client.StorefrontClient storefrontClient(
        org.springframework.core.env.Environment env) {
      return dev.storefrontsession.client.StorefrontClient.builder()
          .storefrontToken(env.getRequiredProperty("BIGCOMMERCE_STOREFRONT_TOKEN"))
          .storeHash(env.getProperty("BIGCOMMERCE_STORE_HASH"))
          .endpoint(env.getRequiredProperty("BIGCOMMERCE_GRAPHQL_ENDPOINT"))
          .build();
    }
  }

  @Override
  public Optional<ShopperSession> auth() {
    return Optional.empty();
  }

  @Override
  public Optional<CustomerAccessToken> customerAccessToken() {
    return Optional.empty();
  }

  @Override
  public boolean isLoggedIn() {
    return false;
  }

  @Override
  public String channelId() {
    return "1";
  }

  @Override
  public Optional<String> cartId() {
    return Optional.empty();
  }

  @Override
  public void setCartId(String cartIdOrNull) {
    // no session to keep it in
  }

  @Override
  public Optional<ShopperSession> update(
      java.util.function.UnaryOperator<dev.storefrontsession.core.SessionClaims> change) {
    return Optional.empty(); // never signed in
  }

  @Override
  public CustomerContext customerContext() {
    return CustomerContext.guest();
  }
}
