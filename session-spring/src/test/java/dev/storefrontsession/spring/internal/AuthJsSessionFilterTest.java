package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.testing.TestShop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.support.ServletRequestHandledEvent;

/**
 * {@code GET /api/auth/session}, which Catalyst's client asks on every page, is answered by a
 * filter right after Spring Security's chain instead of going through Spring MVC's dispatch
 * (handler lookup, argument resolution, async wrappers: a fifth of the request's CPU); every other
 * {@code /api/auth} request still goes through MVC. The answer itself is checked by {@link
 * AuthJsEndpointsTest}.
 */
class AuthJsSessionFilterTest {

  static SandboxServer sandbox;
  static ConfigurableApplicationContext app;
  static final List<String> handledByMvc = new CopyOnWriteArrayList<>();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sandbox = TestShop.sandbox(false);
    app = TestShop.app(sandbox);
    app.addApplicationListener(
        (ApplicationListener<ServletRequestHandledEvent>)
            event -> handledByMvc.add(event.getMethod() + " " + event.getRequestUrl()));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  static HttpResponse<String> send(String method, String path) throws Exception {
    URI base =
        URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    request.method(
        method,
        method.equals("POST")
            ? HttpRequest.BodyPublishers.ofString("{}")
            : HttpRequest.BodyPublishers.noBody());
    if (method.equals("POST")) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void sessionWhenGetThenAnsweredBeforeSpringMvcAndOtherRequestsStillByIt() throws Exception {
    HttpResponse<String> session = send("GET", "/api/auth/session");
    assertThat(session.statusCode()).isEqualTo(200);
    assertThat(session.body()).isEqualTo("null");
    assertThat(session.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(session.headers().firstValue("Cache-Control"))
        .contains("private, no-cache, no-store");
    assertThat(session.headers().firstValue("X-Frame-Options")).contains("DENY");

    assertThat(send("GET", "/api/auth/csrf").statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/auth/session").statusCode()).isEqualTo(400);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!handledByMvc.contains("POST /api/auth/session") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertThat(handledByMvc)
        .contains("GET /api/auth/csrf", "POST /api/auth/session")
        .doesNotContain("GET /api/auth/session");
  }
}
