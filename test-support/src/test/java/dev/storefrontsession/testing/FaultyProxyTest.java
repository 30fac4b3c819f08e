package dev.storefrontsession.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultyProxyTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Upstream store =
      new Upstream()
          .answer(
              "/graphql.json",
              200,
              Map.of("Content-Type", List.of("application/json"), "X-Store", List.of("1")),
              "");
  private final FaultyProxy proxy = FaultyProxy.start(store.uri("/graphql.json"));

  @AfterEach
  void stop() {
    proxy.close();
    store.close();
  }

  private HttpResponse<String> post(String query, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(proxy.graphqlEndpoint() + query))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void requestWhenPassedThroughThenForwardedRecordedAndCounted() throws Exception {
    assertThat(proxy.graphqlEndpoint().getPath()).isEqualTo("/graphql.json");
    HttpResponse<String> answer =
        post("?operation=Home", "{\"query\":\"{a}\"}", "X-Bc-Customer-Access-Token", "cat");
    post("?operation=Home", "{}");
    post("?operation=Cart", "{}");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("X-Store")).hasValue("1");
    assertThat(answer.body())
        .startsWith("POST /graphql.json?operation=Home ")
        .endsWith("body={\"query\":\"{a}\"}");
    assertThat(proxy.requestCount()).isEqualTo(3);
    FaultyProxy.Recorded first = proxy.requests().get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.header("X-BC-Customer-Access-Token")).isEqualTo("cat");
    assertThat(first.operation()).isEqualTo("Home");
    assertThat(proxy.lastRequest()).extracting(FaultyProxy.Recorded::operation).isEqualTo("Cart");
    assertThat(proxy.count("Home", true)).isEqualTo(1);
    assertThat(proxy.count("Home", false)).isEqualTo(1);
    assertThat(proxy.count("Cart", true)).isZero();
    assertThat(proxy.upstreamBodies()).hasSize(3);

    proxy.reset();
    assertThat(proxy.requestCount()).isZero();
    assertThat(proxy.upstreamBodies()).isEmpty();
  }

  @Test
  void respondFaultWhenInjectedThenAnsweredWithoutTheStore() throws Exception {
    proxy.inject(FaultyProxy.STORE_FAILURES.get("HTTP_503"));
    HttpResponse<String> answer = post("", "{}");
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.body()).contains("Service Unavailable");
    assertThat(proxy.upstreamBodies()).isEmpty();
    assertThat(proxy.requestCount()).isEqualTo(1);
  }

  @Test
  void truncateFaultWhenInjectedThenShorterBodyButWholeOneRecorded() throws Exception {
    proxy.inject(new FaultyProxy.Fault.Truncate(4));
    assertThat(post("", "{}").body()).isEqualTo("POST");
    assertThat(proxy.upstreamBodies().get(0)).startsWith("POST /graphql.json");
  }

  @Test
  void stallAndDelayFaultsWhenInjectedThenAnswerTakesThatLong() throws Exception {
    proxy.inject(new FaultyProxy.Fault.Delay(Duration.ofMillis(300)));
    long start = System.nanoTime();
    assertThat(post("", "{}").statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    proxy.inject(new FaultyProxy.Fault.StallBody(Duration.ofMillis(300)));
    start = System.nanoTime();
    assertThat(post("", "{}").body()).startsWith("POST /graphql.json");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void downFaultWhenInjectedThenConnectionsRefusedUntilAnotherFault() throws Exception {
    URI before = proxy.graphqlEndpoint();
    proxy.inject(FaultyProxy.STORE_FAILURES.get("DOWN"));
    assertThatThrownBy(() -> post("", "{}")).isInstanceOf(ConnectException.class);
    proxy.inject(new FaultyProxy.Fault.None());
    assertThat(proxy.graphqlEndpoint()).isEqualTo(before);
    assertThat(post("", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void resetFaultWhenInjectedThenConnectionClosedWithoutAnswer() {
    proxy.inject(FaultyProxy.STORE_FAILURES.get("RESET"));
    assertThatThrownBy(() -> post("", "{}")).isInstanceOf(IOException.class);
    assertThat(proxy.requestCount()).isEqualTo(1);
  }

  @Test
  void heldRequestsWhenReleasedThenForwarded() throws Exception {
    proxy.holdRequests();
    CompletableFuture<HttpResponse<String>> pending =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return post("", "{}");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    while (proxy.requestCount() == 0) {
      Thread.sleep(5);
    }
    Thread.sleep(100);
    assertThat(pending).isNotDone();
    proxy.release();
    assertThat(pending.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void storeFailuresAreTheNamedFaultsInOrder() {
    assertThat(FaultyProxy.STORE_FAILURES.keySet())
        .containsExactly(
            "DOWN",
            "HTTP_500",
            "HTTP_502",
            "HTTP_503",
            "HTTP_429",
            "MALFORMED_JSON",
            "TRUNCATED_JSON",
            "HTML_200",
            "EMPTY_200",
            "WRONG_SHAPE_JSON",
            "RESET");
  }
}
