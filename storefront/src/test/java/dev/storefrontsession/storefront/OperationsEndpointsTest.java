package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Actuator of the storefront over HTTP, as an operator and a load balancer see it: probes
 * answer on the server's port without touching the shopper session; every other endpoint answers
 * only on the separate management port, where the session and store meters move with real sign-ins
 * against the embedded sandbox.
 */
class OperationsEndpointsTest {

  static RunningStorefront app;
  static URI management;
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @BeforeAll
  static void start() {
    app =
        RunningStorefront.start(
            true,
            null,
            "--management.server.port=0",
            "--management.server.address=127.0.0.1",
            "--management.endpoints.web.exposure.include=health,metrics,prometheus",
            "storefront.session.update-age=0s");
    management =
        URI.create(
            "http://127.0.0.1:"
                + app.context().getEnvironment().getProperty("local.management.port"));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static HttpResponse<String> get(URI base, String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The value of one Prometheus sample line, e.g. {@code storefront_session_sign_ins_total{...}}; 0
   * when absent.
   */
  static double sample(String name, String... labels) {
    String body = get(management, "/actuator/prometheus").body();
    for (String line : body.split("\n")) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      boolean all = true;
      for (String label : labels) {
        all &= line.contains(label);
      }
      if (all) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  @Test
  void probesWhenStoreAnswersThenUpOnBothPortsWithNoCookieEvenForAShopperWithABrokenSession() {
    for (URI probe :
        new URI[] {
          app.baseUri().resolve("/livez"),
          app.baseUri().resolve("/readyz"),
          management.resolve("/actuator/health/liveness"),
          management.resolve("/actuator/health/readiness"),
          management.resolve("/actuator/health")
        }) {
      HttpResponse<String> response =
          get(
              probe,
              probe.getPath(),
              "Cookie",
              "authjs.session-token=not-a-session; authjs.anonymous-session-token=garbage");
      assertThat(response.statusCode()).as(probe.toString()).isEqualTo(200);
      assertThat(response.body())
          .as(probe.toString())
          .contains("\"status\":\"UP\"")
          .doesNotContain("store");
      assertThat(response.headers().allValues("Set-Cookie")).as(probe.toString()).isEmpty();
    }
    assertThat(sample("storefront_session_cookies_rejected_total", "reason=\"malformed\""))
        .isZero();
  }

  @Test
  void endpointsOtherThanHealthWhenAskedOnTheServerPortThenForbiddenWithoutAnErrorPage() {
    for (String path :
        new String[] {
          "/actuator/prometheus",
          "/actuator/metrics",
          "/actuator",
          "/actuator/env",
          "/actuator/no-such-endpoint",
          "/actuator/health/../metrics"
        }) {
      HttpResponse<String> response = get(app.baseUri(), path);
      assertThat(response.statusCode()).as(path).isIn(400, 403);
      assertThat(response.body()).as(path).doesNotContain("storefront_", "jvm_");
      assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
    }
    assertThat(get(management, "/actuator/prometheus").statusCode()).isEqualTo(200);
    assertThat(get(management, "/actuator/env").statusCode()).as("not exposed").isEqualTo(404);
  }

  @Test
  void readinessWhenProbedOftenThenTheStoreIsAskedAtMostOncePerInterval() {
    double before =
        sample("storefront_bigcommerce_requests_seconds_count", "operation=\"StoreHealthQuery\"");
    for (int i = 0; i < 20; i++) {
      assertThat(get(app.baseUri(), "/readyz").statusCode()).isEqualTo(200);
    }
    double after =
        sample("storefront_bigcommerce_requests_seconds_count", "operation=\"StoreHealthQuery\"");
    assertThat(after - before).as("store health queries for 20 probes").isLessThanOrEqualTo(2);
    assertThat(after).as("the store was asked at all").isGreaterThanOrEqualTo(1);
  }

  @Test
  void signInsWhenTheyHappenThenTheirMetersMoveByMethodAndOutcome() {
    String success = "method=\"password\",outcome=\"success\"";
    String refused = "method=\"password\",outcome=\"invalid_credentials\"";
    double successBefore = sample("storefront_session_sign_ins_total", success);
    double refusedBefore = sample("storefront_session_sign_ins_total", refused);
    double signOutsBefore = sample("storefront_session_sign_outs_total", "outcome=\"revoked\"");
    double reissuesBefore = sample("storefront_session_reissues_total", "reason=\"rolling\"");
    double loginCallsBefore =
        sample(
            "storefront_bigcommerce_requests_seconds_count",
            "operation=\"LoginMutation\"",
            "outcome=\"success\"");

    ShopperClient shopper = app.shopper();
    assertThat(Shop.login(shopper, Shop.SHOPPER, "wrong-password").status()).isNotEqualTo(302);
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    assertThat(shopper.get("/").status()).isEqualTo(200); // update-age 0s: the session is re-issued
    assertThat(shopper.get("/logout").status()).isEqualTo(302);

    assertThat(sample("storefront_session_sign_ins_total", success) - successBefore).isEqualTo(1);
    assertThat(sample("storefront_session_sign_ins_total", refused) - refusedBefore).isEqualTo(1);
    assertThat(sample("storefront_session_sign_outs_total", "outcome=\"revoked\"") - signOutsBefore)
        .isEqualTo(1);
    assertThat(sample("storefront_session_reissues_total", "reason=\"rolling\"") - reissuesBefore)
        .isGreaterThanOrEqualTo(1);
    assertThat(
            sample(
                    "storefront_bigcommerce_requests_seconds_count",
                    "operation=\"LoginMutation\"",
                    "outcome=\"success\"")
                - loginCallsBefore)
        .isEqualTo(1);
    assertThat(
            sample(
                "storefront_bigcommerce_requests_seconds_bucket",
                "operation=\"LoginMutation\"",
                "le=\"+Inf\""))
        .as("a latency histogram")
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void ssoSignInWhenTheLinkIsValidOrReusedThenCountedAsJwtSuccessAndInvalidToken() {
    String success = "method=\"jwt\",outcome=\"success\"";
    String invalid = "method=\"jwt\",outcome=\"invalid_token\"";
    double successBefore = sample("storefront_session_sign_ins_total", success);
    double invalidBefore = sample("storefront_session_sign_ins_total", invalid);
    dev.storefrontsession.sandbox.SandboxSettings s = app.sandbox().settings();
    String jwt =
        dev.storefrontsession.client.CustomerLoginJwt.builder()
            .clientId(s.clientId())
            .clientSecret(s.clientSecret())
            .storeHash(s.storeHash())
            .customerId(1)
            .channelId(s.channelId())
            .redirectTo("/account/orders")
            .build()
            .token();
    assertThat(app.shopper().get("/login/token/" + jwt).status()).isEqualTo(302);
    assertThat(app.shopper().get("/login/token/" + jwt).status()).as("reused").isEqualTo(302);
    assertThat(sample("storefront_session_sign_ins_total", success) - successBefore).isEqualTo(1);
    assertThat(sample("storefront_session_sign_ins_total", invalid) - invalidBefore).isEqualTo(1);
  }

  @Test
  void tokensWhenTheStoreRejectsOneThenCountedAndCartChangesCountAsReissues() {
    String rejected = "source=\"rejected_by_store\"";
    double rejectedBefore =
        sample("storefront_session_customer_access_token_invalid_total", rejected);
    double claimsBefore = sample("storefront_session_reissues_total", "reason=\"claims_changed\"");
    ShopperClient first = app.shopper();
    Shop.register(first, "Operations-Pass-1"); // a new customer, signed in, with no cart yet
    ShopperClient copy = app.shopper();
    copy.cookies().putAll(first.cookies()); // the same session in a second browser
    Shop.addToCart(
        first, Shop.TOWEL, 1); // the cart id goes into the signed-in session: a claims change
    assertThat(first.get("/logout").status()).isEqualTo(302); // the store revokes the token
    ShopperClient.Response account = copy.get("/account/orders");
    assertThat(account.status()).isEqualTo(302);
    assertThat(
            sample("storefront_session_customer_access_token_invalid_total", rejected)
                - rejectedBefore)
        .isEqualTo(1);
    assertThat(
            sample("storefront_session_reissues_total", "reason=\"claims_changed\"") - claimsBefore)
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void cookiesWhenRejectedThenCountedByReasonAndGuestCacheHitsCounted() {
    double malformed =
        sample(
            "storefront_session_cookies_rejected_total",
            "cookie=\"session\"",
            "reason=\"malformed\"");
    double hits = sample("storefront_bigcommerce_cache_requests_total", "result=\"hit\"");
    ShopperClient shopper = app.shopper();
    shopper.cookies().put("authjs.session-token", "not-a-jwe");
    assertThat(shopper.get("/").status()).isEqualTo(200);
    assertThat(shopper.get("/").status()).isEqualTo(200);
    assertThat(
            sample(
                    "storefront_session_cookies_rejected_total",
                    "cookie=\"session\"",
                    "reason=\"malformed\"")
                - malformed)
        .isEqualTo(1);
    assertThat(sample("storefront_bigcommerce_cache_requests_total", "result=\"hit\"") - hits)
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void metricTagsWhenShoppersSignInThenHoldNoEmailTokenOrCartId() {
    ShopperClient shopper = app.shopper();
    Shop.addToCart(shopper, Shop.TOWEL, 1);
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    String all = get(management, "/actuator/prometheus").body();
    assertThat(all)
        .doesNotContain(
            "@example.com", "Shopper-Pass-1", app.sandbox().settings().storefrontToken());
    Matcher tokens =
        Pattern.compile(
                "[0-9a-f]{64}_[0-9]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            .matcher(all);
    assertThat(tokens.find())
        .as("a token or cart id in the metrics: %s", tokens.find() ? tokens.group() : "")
        .isFalse();
  }

  /**
   * The request path in production pays for no servlet-session bookkeeping: the storefront keeps
   * its sessions in cookies, so the container must not parse every Cookie header looking for a
   * {@code JSESSIONID} (it did, for every request: 14 % of the server's CPU samples on {@code GET
   * /api/auth/session}), and the HTTP server observation keeps no long-task timer per request.
   */
  @Test
  void requestPathWhenServingThenNoServletSessionTrackingAndNoPerRequestLongTaskTimer() {
    jakarta.servlet.ServletContext servlet =
        ((org.springframework.web.context.WebApplicationContext) app.context()).getServletContext();
    assertThat(servlet).isNotNull();
    assertThat(servlet.getEffectiveSessionTrackingModes()).isEmpty();

    HttpResponse<String> page = get(app.baseUri(), "/", "Cookie", "JSESSIONID=0123456789ABCDEF");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(page.body()).doesNotContainIgnoringCase("jsessionid");

    String prometheus = get(management, "/actuator/prometheus").body();
    assertThat(prometheus).contains("http_server_requests_seconds_count{");
    assertThat(prometheus).doesNotContain("http_server_requests_active_seconds");
  }

  /**
   * {@code GET /api/auth/session} is answered before Spring MVC (session-spring's {@code
   * AuthJsSessionFilter}) and still timed under its route, not as {@code UNKNOWN}.
   */
  @Test
  void sessionEndpointWhenAnsweredBeforeMvcThenStillTimedUnderItsRoute() {
    assertThat(get(app.baseUri(), "/api/auth/session").statusCode()).isEqualTo(200);

    String prometheus = get(management, "/actuator/prometheus").body();
    assertThat(prometheus.lines())
        .anyMatch(
            line ->
                line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("method=\"GET\"")
                    && line.contains("uri=\"/api/auth/session\""));
  }
}
