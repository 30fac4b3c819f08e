package dev.storefrontsession.client;

import java.util.List;

/**
 * BigCommerce refused the customer context: the customer access token is invalid (expired, revoked,
 * unknown) or missing. The session layer signs the shopper out when this arrives on a query.
 */
public abstract sealed class StorefrontAuthException extends StorefrontGraphQLException
    permits InvalidCustomerAccessTokenException, MissingCustomerAccessTokenException {

  protected StorefrontAuthException(
      String operationName, List<GraphQLError> errors, String message) {
    super(operationName, errors, message);
  }

  /** The {@code extensions.code} that identified the error. */
  public abstract String code();
}
