package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Item 1 (HTTP level): a sample of hostile session cookie sets, and of hostile cookie names, sent
 * to the real storefront process: no response is a 5xx, none shows a session, no invalid name is
 * echoed, the storefront logs no error.
 */
class HostileCookiesHttpTest {

  static final int SAMPLES = Integer.getInteger("hostile.http.samples", 10_000);
  static final int NAME_SAMPLES = Integer.getInteger("hostile.names.http.samples", 5_000);

  /** Every page kind and every GET endpoint of /api/auth. */
  static final String[] NAME_PATHS = {
    "/",
    "/product/77",
    "/category/21",
    "/cart",
    "/login",
    "/register",
    "/account/orders",
    "/logout",
    "/api/auth/session",
    "/api/auth/csrf",
    "/api/auth/providers",
    "/api/auth/signin",
    "/api/auth/signout",
    "/api/auth/session"
  };

  static SandboxFixture store;
  static StorefrontProcess storefront;

  @BeforeAll
  static void start() {
    store = SandboxFixture.startH2(b -> b);
    storefront =
        StorefrontProcess.start(
            store,
            store.graphqlEndpoint(),
            SessionFixtures.NEW_SECRET,
            Map.of("AUTH_SECRET_1", SessionFixtures.OLD_SECRET));
  }

  @AfterAll
  static void stop() {
    if (storefront != null) {
      storefront.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void sessionWhenChunkedOverTwoCookiesThenStillTheSession() {
    assertChunkedSessionServed(3_500, 2);
  }

  /**
   * Auth.js and session-core chunk up to 16 cookies (64 KiB); the storefront must accept what its
   * own layer writes.
   */
  @Test
  void sessionWhenChunkedOverThreeCookiesThenStillTheSession() {
    assertChunkedSessionServed(7_000, 3);
  }

  private static void assertChunkedSessionServed(int padding, int expectedChunks) {
    dev.storefrontsession.core.SessionCodec codec =
        new dev.storefrontsession.core.SessionCodec(
            dev.storefrontsession.core.KeyRing.of(SessionFixtures.NEW_SECRET), Clock.systemUTC());
    String token =
        codec.encode(
            SessionFixtures.customer(SessionFixtures.cat(), "c-chunked").toBuilder()
                .extra("padding", "p".repeat(padding))
                .build(),
            SessionFixtures.PLAIN);
    ShopperClient s = new ShopperClient(storefront.baseUri());
    int chunks = 0;
    for (int i = 0; i < token.length(); i += 3936, chunks++) {
      s.cookies()
          .put(
              SessionFixtures.PLAIN + "." + chunks,
              token.substring(i, Math.min(token.length(), i + 3936)));
    }
    assertThat(chunks).isEqualTo(expectedChunks);
    ShopperClient.Response page = s.get("/api/auth/session");
    Figures.print("hostile.http.chunked_session_" + chunks + "_chunks_status", page.status());
    assertThat(page.status()).as("%d chunks, %d characters", chunks, token.length()).isEqualTo(200);
    assertThat(page.body()).as("%d chunks", chunks).contains("Rita");
  }

  @Test
  void cookiesWhenForwardedProtoFromUntrustedClientThenHeaderIgnored() {
    ShopperClient spoofing = new ShopperClient(storefront.baseUri());
    spoofing.headers().put("X-Forwarded-Proto", "https");
    ShopperClient.Response page = spoofing.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.setCookies()).anyMatch(c -> c.startsWith("authjs.anonymous-session-token="));
    assertThat(page.setCookies())
        .noneMatch(c -> c.startsWith("__Secure-") || c.startsWith("__Host-"));
  }

  /**
   * Hostile cookie names byte for byte (a raw client: an HTTP library would refuse most of them):
   * every byte value after and inside each cookie name, then samples of every family of {@link
   * HostileCookieNames}, over every page kind and {@code /api/auth/*}. No 5xx, no Set-Cookie naming
   * a non-token, no session but the valid one the header carried, no logged error.
   */
  @Test
  void requestsWhenHostileCookieNamesThenNoServerErrorNoInvalidNameEchoedNoLoggedError()
      throws Exception {
    List<HostileCookies.Seed> seeds = SessionFixtures.seeds(Clock.systemUTC());
    HostileCookies.Seed valid =
        seeds.stream()
            .filter(s -> s.cookieName().equals(SessionFixtures.PLAIN) && s.token().length() < 3936)
            .findFirst()
            .orElseThrow();
    List<HostileCookieNames.Sample> exhaustive = new ArrayList<>();
    for (String name : HostileCookieNames.COOKIE_NAMES) {
      for (int b = 0; b < 256; b++) {
        exhaustive.add(
            new HostileCookieNames.Sample(
                "every-byte", name + (char) b + "=" + valid.token(), valid.token()));
        exhaustive.add(
            new HostileCookieNames.Sample(
                "every-byte",
                name.substring(0, 6)
                    + (char) b
                    + name.substring(6)
                    + "=x; "
                    + valid.cookieName()
                    + "="
                    + valid.token(),
                valid.token()));
      }
    }
    HostileCookieNames generator = new HostileCookieNames(seeds, true, 2_000);
    AtomicInteger next = new AtomicInteger();
    int total = exhaustive.size() + NAME_SAMPLES;
    Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    Map<String, LongAdder> families = new ConcurrentHashMap<>();
    LongAdder serverErrors = new LongAdder();
    LongAdder echoed = new LongAdder();
    LongAdder foreign = new LongAdder();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(HostileCookiesTest.SEED + 200 + t);
        futures.add(
            pool.submit(
                () -> {
                  try (KeepAliveClient client = new KeepAliveClient(storefront.baseUri())) {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                      HostileCookieNames.Sample sample =
                          i < exhaustive.size()
                              ? exhaustive.get(i)
                              : generator.next(
                                  random, random.nextInt(20) == 0 ? 4 : random.nextInt(4));
                      String path = NAME_PATHS[i % NAME_PATHS.length];
                      KeepAliveClient.Response response = client.get(path, sample.header());
                      families.computeIfAbsent(sample.family(), k -> new LongAdder()).increment();
                      statuses
                          .computeIfAbsent(String.valueOf(response.status()), k -> new LongAdder())
                          .increment();
                      String what = sample.family() + " " + path + " -> " + response.status();
                      if (response.status() >= 500) {
                        serverErrors.increment();
                        failures.add(what);
                      }
                      for (String setCookie : response.setCookies()) {
                        String name = setCookie.substring(0, Math.max(0, setCookie.indexOf('=')));
                        if (!HostileCookiesTest.TOKEN.matcher(name).matches()) {
                          echoed.increment();
                          failures.add(what + " sets a cookie named '" + name + "'");
                        }
                      }
                      if (path.equals("/api/auth/session")
                          && response.status() == 200
                          && !response.body().strip().equals("null")
                          && sample.original() == null) {
                        foreign.increment();
                        failures.add(what + " shows a session");
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> errorLines =
        storefront.output().lines().filter(StorefrontProcess::isErrorLine).toList();
    Figures.print("hostile.names.http.requests", total);
    Figures.print("hostile.names.http.responses_5xx", serverErrors.sum());
    Figures.print("hostile.names.http.invalid_names_echoed", echoed.sum());
    Figures.print("hostile.names.http.sessions_shown_without_valid_cookie", foreign.sum());
    Figures.print("hostile.names.http.logged_errors", errorLines.size());
    Figures.print("hostile.names.http.seconds", (System.nanoTime() - start) / 1e9);
    new TreeMap<>(statuses)
        .forEach((k, v) -> Figures.print("hostile.names.http.status." + k, v.sum()));
    new TreeMap<>(families)
        .forEach((k, v) -> Figures.print("hostile.names.http.family." + k, v.sum()));

    assertThat(failures).isEmpty();
    assertThat(errorLines).isEmpty();
    assertThat(families.keySet()).contains(HostileCookieNames.FAMILIES);
  }

  /**
   * A planted cookie whose name cannot be written back never stops a sign-in, by form or by
   * Auth.js's endpoint.
   */
  @Test
  void signInWhenHostileCookieNamesPlantedThenSignedInAndNamesNeverEchoed() {
    for (String planted :
        List.of(
            "authjs.session-token[0]",
            "authjs.session-token(",
            "authjs.session-token@x",
            "authjs.session-token{}",
            "authjs.session-token/",
            "authjs.session-token?")) {
      ShopperClient form = new ShopperClient(storefront.baseUri());
      form.cookies().put(planted, "x");
      ShopperClient.Response login =
          form.submit(
              "/login",
              "/login",
              Map.of("email", "shopper@example.com", "password", "Shopper-Pass-1"));
      assertThat(login.status()).as("sign-in with '%s' planted", planted).isEqualTo(302);
      assertThat(login.location()).doesNotContain("/login");
      assertThat(form.get("/api/auth/session").body()).contains("shopper@example.com");
      assertThat(form.cookies()).containsKey(planted);

      ShopperClient api = new ShopperClient(storefront.baseUri());
      api.cookies().put(planted, "x");
      String csrf =
          api.get("/api/auth/csrf").body().replaceAll("(?s).*\"csrfToken\":\"([^\"]+)\".*", "$1");
      ShopperClient.Response callback =
          api.post(
              "/api/auth/callback/password",
              Map.of(
                  "email", "shopper@example.com", "password", "Shopper-Pass-1", "csrfToken", csrf));
      assertThat(callback.status()).isEqualTo(302);
      assertThat(callback.location()).doesNotContain("error");
      assertThat(api.get("/api/auth/session").body()).contains("shopper@example.com");
      for (ShopperClient.Response page : List.of(login, callback)) {
        assertThat(page.response().headers().allValues("Set-Cookie"))
            .noneMatch(c -> c.startsWith(planted));
      }
    }
  }

  @Test
  void requestsWhenHostileSessionCookiesThenNoSessionNoServerErrorNoLoggedError() throws Exception {
    Clock now = Clock.systemUTC();
    List<HostileCookies.Seed> seeds = SessionFixtures.seeds(now);
    // Control: a valid cookie made by session-core is a session for the storefront, so "null" below
    // means refused.
    HostileCookies.Seed valid =
        seeds.stream()
            .filter(
                s ->
                    s.cookieName().equals(SessionFixtures.PLAIN)
                        && s.token().length() < 3936
                        && !s.token().isEmpty())
            .findFirst()
            .orElseThrow();
    ShopperClient control = new ShopperClient(storefront.baseUri());
    control.cookies().put(valid.cookieName(), valid.token());
    ShopperClient.Response controlPage = control.get("/api/auth/session");
    assertThat(controlPage.status()).isEqualTo(200);
    assertThat(controlPage.body()).contains("Rita");

    HostileCookies generator =
        new HostileCookies(
            seeds,
            SessionFixtures.expired(Instant.now()),
            SessionFixtures.NAMES,
            SessionFixtures.hostileHeaders(),
            true);
    String[] paths = {
      "/api/auth/session", "/api/auth/session", "/api/auth/session", "/account/orders", "/cart"
    };
    LongAdder total = new LongAdder();
    LongAdder serverErrors = new LongAdder();
    LongAdder accepted = new LongAdder();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    int threads = 4;
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(HostileCookiesTest.SEED + 100 + t);
        futures.add(
            pool.submit(
                () -> {
                  while (next.getAndIncrement() < SAMPLES) {
                    HostileCookies.Sample sample = generator.next(random);
                    String path = paths[random.nextInt(paths.length)];
                    String cookieHeader =
                        sample.cookies().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; "));
                    ShopperClient shopper = new ShopperClient(storefront.baseUri());
                    ShopperClient.Response page =
                        shopper.send(
                            HttpRequest.newBuilder(storefront.baseUri().resolve(path))
                                .GET()
                                .header("Cookie", cookieHeader));
                    statuses.computeIfAbsent(page.status(), k -> new LongAdder()).increment();
                    total.increment();
                    if (page.status() >= 500) {
                      serverErrors.increment();
                      failures.add(sample.category() + " " + path + " -> " + page.status());
                    }
                    boolean legit = sample.original() != null;
                    // 400 is Tomcat refusing an oversized Cookie header: no session either.
                    boolean shows =
                        switch (path) {
                          case "/api/auth/session" ->
                              page.status() == 200 && !page.body().strip().equals("null");
                          case "/account/orders" ->
                              page.status() == 200
                                  || (page.status() == 302 && !page.location().contains("/login"));
                          default -> page.body().contains("Rita");
                        };
                    if (page.status() != 200 && page.status() != 302 && page.status() != 400) {
                      failures.add(
                          "unexpected status "
                              + page.status()
                              + " for "
                              + sample.category()
                              + " "
                              + path);
                    }
                    if (shows && !legit) {
                      accepted.increment();
                      failures.add(
                          "session shown: "
                              + sample.category()
                              + " "
                              + path
                              + " -> "
                              + page.status());
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> errorLines =
        storefront.output().lines().filter(StorefrontProcess::isErrorLine).toList();
    Figures.print("hostile.http.requests", total.sum());
    Figures.print("hostile.http.accepted", accepted.sum());
    Figures.print("hostile.http.responses_5xx", serverErrors.sum());
    Figures.print("hostile.http.logged_errors", errorLines.size());
    Figures.print("hostile.http.seconds", seconds);
    new TreeMap<>(statuses).forEach((k, v) -> Figures.print("hostile.http.status." + k, v.sum()));

    assertThat(failures).isEmpty();
    assertThat(total.sum()).isGreaterThanOrEqualTo(SAMPLES);
    assertThat(errorLines).isEmpty();
  }
}
