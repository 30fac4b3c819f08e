package dev.storefrontsession.client;

import java.util.List;

/**
 * The operation needs a customer context but none was sent ({@code MISSING_CUSTOMER_ACCESS_TOKEN}).
 */
public final class MissingCustomerAccessTokenException extends StorefrontAuthException {

  public static final String CODE = "MISSING_CUSTOMER_ACCESS_TOKEN";

  public MissingCustomerAccessTokenException(String operationName, List<GraphQLError> errors) {
    super(operationName, errors, describe(operationName, errors));
  }

  @Override
  public String code() {
    return CODE;
  }
}
