package dev.storefrontsession.benchmarks;

import dev.storefrontsession.benchmarks.internal.Args;
import dev.storefrontsession.benchmarks.internal.Report;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jdk.jfr.Recording;

/**
 * {@code bin/bench login}: latency of a password login against the sandbox: the GraphQL {@code
 * login} mutation sent over HTTP (one at a time, as a storefront's login form does), with the
 * sandbox's bcrypt cost. Every call must return a customer access token.
 */
public final class LoginBench {

  static final String LOGIN =
      """
      {"query":"mutation LoginMutation($email: String!, $password: String!) { login(email: $email, password: \
      $password) { customerAccessToken { value expiresAt } customer { entityId firstName } } }",\
      "variables":{"email":"shopper@example.com","password":"Shopper-Pass-1"}}""";

  private LoginBench() {}

  public static void run(String[] argv) throws Exception {
    Args args = new Args(argv, 1);
    int warmup = args.integer("warmup", 10);
    int logins = args.integer("logins", 100);
    Path out = Path.of(args.text("out", "benchmarks/target/bench"));
    Files.createDirectories(out);
    try (SandboxServer sandbox =
        SandboxServer.start(SandboxSettings.builder().port(0).inMemoryDatabase().build())) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request =
          HttpRequest.newBuilder(sandbox.graphqlEndpoint())
              .header("Authorization", "Bearer " + sandbox.settings().storefrontToken())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(LOGIN))
              .build();
      for (int i = 0; i < warmup; i++) {
        login(http, request);
      }
      Recording recording = CacheBench.startRecording();
      double[] ms = new double[logins];
      for (int i = 0; i < logins; i++) {
        long t0 = System.nanoTime();
        login(http, request);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      CacheBench.dump(recording, out.resolve("login.jfr"), "login.profile");
      Arrays.sort(ms);
      double p50 = ms[(int) Math.ceil(0.50 * logins) - 1];
      double p99 = ms[(int) Math.ceil(0.99 * logins) - 1];
      int cost = sandbox.settings().bcryptCost();
      Report.value("login.bcrypt_cost", cost);
      Report.value("login.count", logins);
      Report.value("login.p50_ms", p50, 1);
      Report.value("login.p99_ms", p99, 1);
      Report.value("login.max_ms", ms[logins - 1], 1);
      Report.summary(
          String.format(
              "login: password login (GraphQL login mutation over HTTP, bcrypt cost %d) p50 "
                  + "%.1f ms, p99 %.1f ms over %d sequential logins",
              cost, p50, p99, logins));
    }
  }

  private static void login(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 || !r.body().contains("\"customerAccessToken\":{\"value\"")) {
      throw new IllegalStateException("login failed: HTTP " + r.statusCode());
    }
  }
}
