package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.testing.FaultyProxy;
import dev.storefrontsession.testing.ShopperClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storefront jar in production mode ({@code STOREFRONT_ENV=production}), as deployed, in front
 * of the sandbox through a proxy that records what reaches it: every log line is JSON with the
 * request's trace id, the sign-in is an audit event with the customer id, the trace id of that line
 * is the one the store received in {@code traceparent}, probes answer on the server's port while
 * the metrics do not, and no secret, password, email, customer access token or cart id appears in
 * any log line.
 */
class ProductionObservabilityTest {

  static final String SECRET = "production-observability-" + UUID.randomUUID();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static SandboxFixture store;
  static FaultyProxy proxy;
  static StorefrontProcess storefront;

  @BeforeAll
  static void start() throws Exception {
    store = SandboxFixture.startH2(b -> b);
    proxy = FaultyProxy.start(store.graphqlEndpoint());
    storefront =
        StorefrontProcess.start(
            store,
            proxy.graphqlEndpoint(),
            SECRET,
            Map.of("STOREFRONT_ENV", "production", "AUTH_TRUST_HOST", "true"),
            "--management.tracing.sampling.probability=1.0");
  }

  @AfterAll
  static void stop() throws Exception {
    if (storefront != null) {
      storefront.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (store != null) {
      store.close();
    }
  }

  /** The JSON log lines so far (the ready banner is printed, not logged). */
  static List<JsonNode> logLines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : storefront.output().split("\n")) {
      if (line.startsWith("{")) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void signInWhenLoggedThenJsonAuditEventWithTraceIdThatTheStoreReceivedAndNoSecretAnywhere() {
    ShopperClient shopper = new ShopperClient(storefront.baseUri());
    shopper.headers().put("X-Forwarded-For", "203.0.113.77");
    ShopperClient.Response added =
        shopper.submit(
            "/product/77", "/cart/add", Map.of("productEntityId", "77", "quantity", "1"));
    assertThat(added.status()).isEqualTo(302);
    proxy.reset();
    ShopperClient.Response login =
        shopper.submit(
            "/login",
            "/login",
            Map.of("email", "shopper@example.com", "password", "Shopper-Pass-1"));
    assertThat(login.status()).as(login.body()).isEqualTo(302);
    assertThat(shopper.get("/account/orders").status()).isEqualTo(200);
    assertThat(shopper.get("/logout").status()).isEqualTo(302);

    // every line the process logged is JSON (the ready banner is printed, not logged)
    for (String line : storefront.output().split("\n")) {
      if (!line.isBlank() && !line.contains("Storefront ready:") && !line.startsWith("  ")) {
        assertThat(line).as("a log line").startsWith("{");
      }
    }
    JsonNode signIn =
        logLines().stream()
            .filter(
                l ->
                    l.path("log").path("logger").asString("").equals("dev.storefrontsession.audit")
                        || l.path("log.logger").asString("").equals("dev.storefrontsession.audit"))
            .filter(l -> l.path("message").asString("").startsWith("Sign-in: customer"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no sign-in audit event in:\n" + storefront.output()));
    System.out.println("sign-in audit line: " + signIn);
    String traceId = traceId(signIn);
    assertThat(traceId).as("trace id of the sign-in line: %s", signIn).matches("[0-9a-f]{32}");

    List<String> loginTraceparents =
        proxy.requests().stream()
            .filter(r -> String.valueOf(r.uri().getRawQuery()).contains("LoginMutation"))
            .map(r -> r.header("traceparent"))
            .toList();
    assertThat(loginTraceparents).hasSize(1);
    assertThat(loginTraceparents.get(0))
        .as("the store received the request's trace")
        .matches("00-" + traceId + "-[0-9a-f]{16}-01");
    assertThat(proxy.requests())
        .as("every store call carries a traceparent")
        .allSatisfy(
            r -> assertThat(r.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));

    // the log scan: nothing a shopper or the operator must keep secret
    Set<String> sensitive =
        new LinkedHashSet<>(
            List.of(
                SECRET,
                "Shopper-Pass-1",
                "shopper@example.com",
                store.settings().storefrontToken(),
                store.settings().clientSecret()));
    store.settings().trustedProxySecret().ifPresent(sensitive::add);
    String sessionCookie =
        URLDecoder.decode(
            login.setCookies().stream()
                .filter(c -> c.startsWith("authjs.session-token="))
                .findFirst()
                .orElseThrow()
                .split(";")[0]
                .substring("authjs.session-token=".length()),
            StandardCharsets.UTF_8);
    sensitive.add(sessionCookie);
    DecodeResult decoded =
        new SessionCodec(KeyRing.of(SECRET), Clock.systemUTC())
            .decode(sessionCookie, "authjs.session-token");
    SessionUser user = ((DecodeResult.Decoded) decoded).claims().user().orElseThrow();
    sensitive.add(user.customerAccessToken().orElseThrow().value());
    if (user.cartId() != null) {
      sensitive.add(user.cartId());
    }
    String output = storefront.output();
    for (String value : sensitive) {
      assertThat(output).as("the log holds a secret or customer datum").doesNotContain(value);
    }
    Matcher cat = Pattern.compile("[0-9a-f]{64}_[0-9]+").matcher(output);
    assertThat(cat.find()).as("something shaped like a customer access token in the log").isFalse();
  }

  @Test
  void probesWhenProductionThenAnswerOnTheServerPortAndMetricsDoNot() {
    ShopperClient prober = new ShopperClient(storefront.baseUri());
    for (String probe :
        new String[] {"/readyz", "/livez", "/actuator/health/readiness", "/actuator/health"}) {
      ShopperClient.Response page = prober.get(probe);
      assertThat(page.status()).as(probe).isEqualTo(200);
      assertThat(page.setCookies()).as(probe).isEmpty();
    }
    for (String closed :
        new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/env"}) {
      assertThat(prober.get(closed).status()).as(closed).isEqualTo(403);
    }
  }

  private static String traceId(JsonNode line) {
    for (String field : new String[] {"traceId", "trace.id"}) {
      if (line.has(field)) {
        return line.get(field).asString();
      }
    }
    return line.path("trace").path("id").asString("");
  }
}
