package dev.storefrontsession.spring.internal;

/**
 * No {@code AUTH_SECRET} is configured and generating one is not allowed: the app must not start.
 */
public final class MissingSessionSecretException extends IllegalStateException {

  public MissingSessionSecretException(String message) {
    super(message);
  }
}
