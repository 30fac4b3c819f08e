package dev.storefrontsession.spring.internal;

import dev.storefrontsession.core.CustomerAccessToken;

/** Converts between session-core's and bigcommerce-client's customer access token values. */
final class ClientTokens {

  private ClientTokens() {}

  static dev.storefrontsession.client.CustomerAccessToken toClient(CustomerAccessToken token) {
    return new dev.storefrontsession.client.CustomerAccessToken(token.value(), token.expiresAt());
  }

  static CustomerAccessToken toCore(dev.storefrontsession.client.CustomerAccessToken token) {
    return new CustomerAccessToken(token.value(), token.expiresAt());
  }
}
