package dev.storefrontsession.client;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Watches every request the client sends to the Storefront API (answers from the guest cache send
 * none): the hook for metrics and tracing, without a framework in the client. session-spring
 * bridges it to Micrometer's {@code Observation} (a timer per operation and outcome, a span, W3C
 * {@code traceparent} on the request).
 *
 * <p>{@link #start} runs on the thread that makes the call, just before the request is sent, so a
 * tracer finds the caller's current span there; {@link Call#end} runs once, on whichever thread
 * completes the request. What it is given holds no token, secret, variable or customer data: the
 * operation's name and type, the channel and the outcome. Implementations must be thread-safe and
 * must not throw; whatever they throw is dropped.
 */
@FunctionalInterface
public interface CallObserver {

  /**
   * A request is about to be sent.
   *
   * @param call what is sent (no customer data)
   * @param headers adds a request header, e.g. {@code traceparent}; names and values must be
   *     header-safe
   * @return called once when the request has ended
   */
  Call start(CallInfo call, BiConsumer<String, String> headers);

  /** One request in flight. */
  @FunctionalInterface
  interface Call {
    /**
     * @param outcome how the request ended
     * @param failure the exception the caller gets (its message is redacted), or null on success
     *     and GraphQL errors
     */
    void end(CallOutcome outcome, @Nullable StorefrontException failure);
  }

  /**
   * One request as an observer sees it.
   *
   * @param operationName the document's operation name, or {@code "unnamed"}
   * @param type query or mutation
   * @param channelId the channel it goes to
   * @param cached true when the answer may be kept in the guest cache (a cache miss), false when
   *     the call bypasses the cache (customer context, mutation, no-store)
   */
  record CallInfo(String operationName, OperationType type, long channelId, boolean cached) {}

  /** How a request ended, as a metric tag. */
  enum CallOutcome {
    /** HTTP 2xx with data and no errors. */
    SUCCESS,
    /** HTTP 2xx with GraphQL errors (whatever the call's error policy makes of them). */
    GRAPHQL_ERRORS,
    /** A non-2xx status (including 429). */
    HTTP_ERROR,
    /** The connect or request timeout passed. */
    TIMEOUT,
    /** A 2xx answer that is not a GraphQL response, or too large. */
    MALFORMED,
    /** Connection refused or reset, another I/O failure, interruption. */
    TRANSPORT_ERROR;

    /** The tag value: lower case, e.g. {@code graphql_errors}. */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Observes nothing. */
  static CallObserver none() {
    return NoCallObserver.INSTANCE;
  }
}
