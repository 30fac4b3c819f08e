package dev.storefrontsession.client;

/**
 * Everything a Storefront API call can fail with. Messages never contain a token, a secret or a
 * password.
 */
public abstract sealed class StorefrontException extends RuntimeException
    permits StorefrontGraphQLException,
        StorefrontApiException,
        StorefrontTimeoutException,
        StorefrontTransportException,
        MalformedResponseException,
        LoginFailedException {

  private final String operationName;

  protected StorefrontException(String operationName, String message, Throwable cause) {
    super(message, cause);
    this.operationName = operationName;
  }

  /** The operation that failed, or null when anonymous. */
  public String operationName() {
    return operationName;
  }
}
