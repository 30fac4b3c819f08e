package dev.storefrontsession.client;

import java.util.List;

/**
 * The customer access token is expired, revoked or unknown ({@code INVALID_CUSTOMER_ACCESS_TOKEN}),
 * either as BigCommerce reported it or because its known expiry had passed before the call (then
 * nothing was sent).
 */
public final class InvalidCustomerAccessTokenException extends StorefrontAuthException {

  public static final String CODE = "INVALID_CUSTOMER_ACCESS_TOKEN";

  private final boolean detectedLocally;

  public InvalidCustomerAccessTokenException(
      String operationName, List<GraphQLError> errors, boolean detectedLocally) {
    super(
        operationName,
        errors,
        detectedLocally
            ? "Customer access token expired before "
                + (operationName == null ? "the call" : operationName)
                + " was sent"
            : describe(operationName, errors));
    this.detectedLocally = detectedLocally;
  }

  /** True when the client saw the token's {@code expiresAt} had passed and sent nothing. */
  public boolean detectedLocally() {
    return detectedLocally;
  }

  @Override
  public String code() {
    return CODE;
  }
}
