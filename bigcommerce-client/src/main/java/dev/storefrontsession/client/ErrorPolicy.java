package dev.storefrontsession.client;

/**
 * What a call does with GraphQL {@code errors} in an HTTP 200 response (Catalyst's {@code
 * errorPolicy}). Non-2xx responses, timeouts and malformed responses always throw, whatever the
 * policy.
 */
public enum ErrorPolicy {
  /**
   * Any GraphQL error throws (an auth error as its typed exception); the error handler sees it. The
   * default.
   */
  NONE,
  /**
   * Only auth errors (invalid or missing customer access token) throw; other errors are returned
   * with the data.
   */
  AUTH,
  /** Nothing throws; data and errors are returned; the error handler is not called. */
  ALL,
  /**
   * Nothing throws; errors are dropped and only data is returned; the error handler is not called.
   */
  IGNORE
}
