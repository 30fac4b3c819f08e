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

  /**
   * Every shopper request is looked up in the storefront's own routes first: the Actuator's
   * endpoint mappings (ordered first by Spring Boot) missed on every shopper request, each time
   * walking their patterns and building a partial-match report (about 5 µs of CPU per {@code GET
   * /api/auth/session}, 10 % of it). Probes and endpoints still answer (above).
   */
  @Test
  void handlerLookupWhenServingThenShopperRoutesComeBeforeTheActuatorsEndpoints() {
    java.util.List<org.springframework.web.servlet.HandlerMapping> mappings =
        app.context()
            .getBean(org.springframework.web.servlet.DispatcherServlet.class)
            .getHandlerMappings();
    assertThat(mappings).isNotNull();
    int shopperRoutes = -1;
    int firstEndpoints = Integer.MAX_VALUE;
    for (int i = 0; i < mappings.size(); i++) {
      String type = mappings.get(i).getClass().getName();
      if (type.equals(
          "org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping")) {
        shopperRoutes = i;
      } else if (type.startsWith("org.springframework.boot.webmvc.actuate.endpoint.web.")) {
        firstEndpoints = Math.min(firstEndpoints, i);
      }
    }
    assertThat(shopperRoutes).isNotNegative();
    assertThat(firstEndpoints).isNotEqualTo(Integer.MAX_VALUE);
    assertThat(shopperRoutes).isLessThan(firstEndpoints);
    assertThat(OperationsEndpointsTest.get(app.baseUri(), "/api/auth/session").statusCode())
        .isEqualTo(200);
    assertThat(OperationsEndpointsTest.get(app.baseUri(), "/readyz").statusCode()).isEqualTo(200);
    assertThat(OperationsEndpointsTest.get(app.baseUri(), "/actuator/health").statusCode())
        .isEqualTo(200);
  }
}
