package dev.storefrontsession.spring.internal;

import dev.storefrontsession.core.CustomerAccessToken;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Asks the store whether a signed-in session's customer access token still works: a stateless
 * cookie cannot be revoked, but its token can (sign-out on another device, a password change).
 * Called at most once per revalidation interval per shopper, on the request that first reads an
 * unconfirmed session. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SessionRevalidator {

  /** What the store said. */
  enum Outcome {
    /** The token works: the session is re-issued with the check time. */
    VALID,
    /** The token is expired, revoked or unknown: the shopper is signed out, the cart kept. */
    INVALID,
    /**
     * No answer (timeout, outage): the session stays as it is and is checked again on the next
     * request.
     */
    UNKNOWN
  }

  /**
   * @param token the session's customer access token
   * @param request the request being served (for the shopper's IP)
   */
  Outcome check(CustomerAccessToken token, HttpServletRequest request);
}
