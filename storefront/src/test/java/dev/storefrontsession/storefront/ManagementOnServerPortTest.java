package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code storefront.management.endpoints-on-server-port=true}, for a proxy that guards {@code
 * /actuator} itself: the exposed endpoints answer on the server's port, still without the shopper
 * session; unexposed ones stay absent.
 */
class ManagementOnServerPortTest {

  static RunningStorefront app;

  @BeforeAll
  static void start() {
    app =
        RunningStorefront.start(
            true,
            null,
            "--storefront.management.endpoints-on-server-port=true",
            "--management.endpoints.web.exposure.include=health,prometheus");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void exposedEndpointsWhenOpenedOnTheServerPortThenAnswerWithoutCookiesAndOthersStayAbsent() {
    HttpResponse<String> prometheus =
        OperationsEndpointsTest.get(
            app.baseUri(), "/actuator/prometheus", "Cookie", "authjs.session-token=broken");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("storefront_session_sign_ins_total");
    assertThat(prometheus.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(OperationsEndpointsTest.get(app.baseUri(), "/actuator/env").statusCode())
        .isEqualTo(404);
    assertThat(OperationsEndpointsTest.get(app.baseUri(), "/livez").statusCode()).isEqualTo(200);
  }
}
