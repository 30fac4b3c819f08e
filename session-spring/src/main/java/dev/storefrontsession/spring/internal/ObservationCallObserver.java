package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.CallObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The client's {@link CallObserver} as a Micrometer {@link Observation} named {@value #NAME}: with
 * metrics, a timer by {@code operation}, {@code type}, {@code channel}, {@code cache} (miss,
 * bypass) and {@code outcome}; with tracing, a client span whose context the tracer's propagator
 * writes into the request (W3C {@code traceparent}). A sender context carries the headers, so
 * whatever propagation the app configured applies. Thread-safe.
 */
public final class ObservationCallObserver implements CallObserver {

  /** The observation's (and the timer's) name. */
  public static final String NAME = "storefront.bigcommerce.requests";

  private final ObservationRegistry registry;

  public ObservationCallObserver(ObservationRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Call start(CallInfo call, BiConsumer<String, String> headers) {
    Map<String, String> carrier = new LinkedHashMap<>();
    RequestReplySenderContext<Map<String, String>, Object> context =
        new RequestReplySenderContext<>(
            (map, key, value) -> {
              if (map != null) {
                map.put(key, value);
              }
            });
    context.setCarrier(carrier);
    context.setRemoteServiceName("bigcommerce");
    Observation observation =
        Observation.createNotStarted(NAME, () -> context, registry)
            .contextualName("bigcommerce " + call.operationName())
            .lowCardinalityKeyValue("operation", call.operationName())
            .lowCardinalityKeyValue("type", call.type().name().toLowerCase(Locale.ROOT))
            .lowCardinalityKeyValue("channel", Long.toString(call.channelId()))
            .lowCardinalityKeyValue("cache", call.cached() ? "miss" : "bypass")
            .start();
    carrier.forEach(headers);
    return (outcome, failure) -> {
      // The outcome names what failed; the exception (a redacted message, but still upstream text)
      // stays out of
      // tags and spans.
      observation.lowCardinalityKeyValue("outcome", outcome.tag());
      observation.stop();
    };
  }
}
