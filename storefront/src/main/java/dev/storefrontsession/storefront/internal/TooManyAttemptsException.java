package dev.storefrontsession.storefront.internal;

/** The store refused a password check because of too many failed attempts (its login throttle). */
public final class TooManyAttemptsException extends RuntimeException {

  public TooManyAttemptsException() {
    super("too many attempts", null, false, false);
  }
}
