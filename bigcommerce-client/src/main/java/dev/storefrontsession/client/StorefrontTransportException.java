package dev.storefrontsession.client;

/**
 * The request could not be sent or its response not read (connection refused or reset, interrupted,
 * …).
 */
public final class StorefrontTransportException extends StorefrontException {

  public StorefrontTransportException(String operationName, String message, Throwable cause) {
    super(operationName, message, cause);
  }
}
