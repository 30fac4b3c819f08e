package dev.storefrontsession.client;

import java.time.Duration;

/** The Storefront API did not connect or answer within the configured time. */
public final class StorefrontTimeoutException extends StorefrontException {

  /** Which limit was hit. */
  public enum Phase {
    CONNECT,
    REQUEST
  }

  private final Phase phase;
  private final Duration limit;

  public StorefrontTimeoutException(
      String operationName, Phase phase, Duration limit, Throwable cause) {
    super(
        operationName,
        (phase == Phase.CONNECT ? "Connecting to" : "Waiting for")
            + " the Storefront API for "
            + (operationName == null ? "anonymous operation" : operationName)
            + " took longer than "
            + limit,
        cause);
    this.phase = phase;
    this.limit = limit;
  }

  public Phase phase() {
    return phase;
  }

  public Duration limit() {
    return limit;
  }
}
