package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code storefront.observability.enabled=false} (documented in docs/configuration.md): the
 * storefront still starts, serves shoppers and answers its probes, without the store's health
 * contributor in the readiness group.
 */
class ObservabilityOffTest {

  static RunningStorefront app;

  @BeforeAll
  static void start() {
    app = RunningStorefront.start(true, null, "--storefront.observability.enabled=false");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void storefrontWhenObservabilityOffThenStartsAndAnswersPagesAndProbes() {
    assertThat(OperationsEndpointsTest.get(app.baseUri(), "/").statusCode()).isEqualTo(200);
    assertThat(OperationsEndpointsTest.get(app.baseUri(), "/livez").statusCode()).isEqualTo(200);
    assertThat(OperationsEndpointsTest.get(app.baseUri(), "/readyz").statusCode()).isEqualTo(200);
  }
}
