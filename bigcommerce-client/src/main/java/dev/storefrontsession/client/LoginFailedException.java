package dev.storefrontsession.client;

import java.util.List;
import java.util.Objects;

/**
 * BigCommerce refused a sign-in ({@code login} or {@code loginWithCustomerLoginJwt}). The
 * storefront turns {@link #reason()} into a form error; the message never holds the password or the
 * JWT.
 */
public final class LoginFailedException extends StorefrontException {

  private final LoginFailure reason;
  private final List<GraphQLError> errors;

  public LoginFailedException(
      String operationName,
      LoginFailure reason,
      String message,
      List<GraphQLError> errors,
      Throwable cause) {
    super(operationName, message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.errors = List.copyOf(errors);
  }

  public LoginFailure reason() {
    return reason;
  }

  /** The GraphQL errors that carried the refusal (empty when it came another way). */
  public List<GraphQLError> errors() {
    return errors;
  }
}
