package dev.storefrontsession.spring.internal;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.util.Set;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Keeps tokens out of the server request observation's span attributes: Spring writes the request's
 * path (and query) as the high-cardinality {@code http.url} (OpenTelemetry convention: {@code
 * url.path}), and the storefront's paths carry tokens: the Customer Login JWT in {@code
 * /login/token/<jwt>}, the reset token in {@code /reset-password?t=…}. Those values become the
 * route's pattern ({@code uri}, e.g. {@code /login/token/{token}}), which holds none. Thread-safe.
 */
public final class RequestUrlRedaction implements ObservationFilter {

  static final Set<String> URL_KEYS =
      Set.of("http.url", "url.path", "url.full", "url.query", "http.target");

  @Override
  public Observation.Context map(Observation.Context context) {
    if (!(context instanceof ServerRequestObservationContext)) {
      return context;
    }
    KeyValue pattern = context.getLowCardinalityKeyValue("uri");
    if (pattern == null) {
      pattern = context.getLowCardinalityKeyValue("http.route");
    }
    String replacement = pattern == null ? "UNKNOWN" : pattern.getValue();
    for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
      if (URL_KEYS.contains(keyValue.getKey())) {
        context.addHighCardinalityKeyValue(KeyValue.of(keyValue.getKey(), replacement));
      }
    }
    return context;
  }
}
