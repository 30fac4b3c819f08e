package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Item 3: guests, retail and wholesale shoppers hammer one storefront process (and its sandbox)
 * concurrently; every response must show only its own shopper's name, cart and group prices. Each
 * shopper has a unique first name and a unique cart quantity (shown in the header on every page);
 * the towel costs $49.00 retail and $39.20 wholesale.
 */
class IsolationUnderLoadTest {

  static final int REQUESTS = Integer.getInteger("isolation.requests", 100_000);
  static final int PER_GROUP = Integer.getInteger("isolation.shoppersPerGroup", 10);
  static final int CLIENT_THREADS = 16;
  static final int TOWEL = 77;
  static final String RETAIL_PRICE = "$49.00";
  static final String WHOLESALE_PRICE = "$39.20";
  static final Pattern CART_COUNT = Pattern.compile("id=\"cart-count\"[^>]*>(\\d+)<");

  enum Kind {
    GUEST,
    RETAIL,
    WHOLESALE
  }

  /**
   * A shopper's fixed identity: cookies never change during the load (a change would be a finding).
   */
  record Identity(Kind kind, String firstName, int quantity, String cookieHeader, String cartId) {}

  static SandboxFixture store;
  static StorefrontProcess storefront;
  static final List<Identity> identities = new ArrayList<>();

  @BeforeAll
  static void start() {
    store = SandboxFixture.startH2(b -> b);
    storefront =
        StorefrontProcess.start(
            store,
            store.graphqlEndpoint(),
            "isolation-secret-" + UUID.randomUUID(),
            Map.of(),
            StorefrontProcess.LOAD_JVM);
    int quantity = 101;
    for (Kind kind : Kind.values()) {
      for (int i = 0; i < PER_GROUP; i++) {
        identities.add(prepare(kind, quantity++));
      }
    }
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

  private static Identity prepare(Kind kind, int quantity) {
    ShopperClient s = new ShopperClient(storefront.baseUri());
    // Unique, equally long names: none is a substring of another.
    String firstName = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    if (kind != Kind.GUEST) {
      String email = firstName.toLowerCase(Locale.ROOT) + "@example.com";
      ShopperClient.Response page = s.open("/register");
      ShopperClient.Response done =
          s.post(
              "/register",
              Map.of(
                  "firstName",
                  firstName,
                  "lastName",
                  "Load",
                  "email",
                  email,
                  "password",
                  "Load-Pass-12345",
                  "_csrf",
                  page.csrf()));
      assertThat(done.status()).isEqualTo(302);
      if (kind == Kind.WHOLESALE) {
        store.setCustomerGroup(email, 2);
      }
    } else {
      firstName = null;
    }
    ShopperClient.Response product = s.open("/product/" + TOWEL);
    ShopperClient.Response added =
        s.post(
            "/cart/add",
            Map.of(
                "productEntityId",
                String.valueOf(TOWEL),
                "quantity",
                String.valueOf(quantity),
                "_csrf",
                product.csrf()));
    assertThat(added.status()).isEqualTo(302);
    ShopperClient.Response cart = s.get("/cart");
    assertThat(cart.cartCount()).isEqualTo(quantity);
    String session = s.get("/api/auth/session").body();
    String cartId = session.replaceAll("(?s).*\"cartId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    if (kind != Kind.GUEST) {
      assertThat(session).contains(firstName);
      assertThat(cartId).isNotEqualTo(session);
    } else {
      cartId = null;
    }
    // Control: the group price is really different for this shopper.
    String productPage = s.get("/product/" + TOWEL).body();
    assertThat(productPage).contains(kind == Kind.WHOLESALE ? WHOLESALE_PRICE : RETAIL_PRICE);
    return new Identity(kind, firstName, quantity, s.cookieHeader(), cartId);
  }

  @Test
  void mixedConcurrentRequestsWhenManyShoppersThenEveryResponseShowsOnlyItsOwnShopper()
      throws Exception {
    // Mostly the session read (where a shared codec buffer or a mixed-up security context would
    // leak), and 7.5 %
    // full pages (where a shared cache or a wrong customer context would show another shopper's
    // cart or prices).
    String[] paths = new String[40];
    for (int i = 0; i < paths.length; i++) {
      paths[i] =
          i < 37 ? "/api/auth/session" : i == 37 ? "/cart" : i == 38 ? "/product/" + TOWEL : "/";
    }
    LongAdder done = new LongAdder();
    LongAdder leaks = new LongAdder();
    LongAdder notOk = new LongAdder();
    LongAdder sessionChanges = new LongAdder();
    Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    Map<Kind, LongAdder> byKind = new ConcurrentHashMap<>();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    long[] latencies = new long[REQUESTS];
    long start = System.nanoTime();
    java.time.Duration serverCpuBefore = storefront.cpu();
    long clientCpuBefore = HostileCookiesTest.processCpuNanos();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < CLIENT_THREADS; t++) {
        SplittableRandom random = new SplittableRandom(42 + t);
        futures.add(
            pool.submit(
                () -> {
                  int n;
                  try (KeepAliveClient client = new KeepAliveClient(storefront.baseUri())) {
                    while ((n = next.getAndIncrement()) < REQUESTS) {
                      Identity me = identities.get(random.nextInt(identities.size()));
                      String path = paths[random.nextInt(paths.length)];
                      long t0 = System.nanoTime();
                      KeepAliveClient.Response response = client.get(path, me.cookieHeader());
                      latencies[n] = System.nanoTime() - t0;
                      String problem = check(me, path, response.status(), response.body());
                      if (response.status() != 200) {
                        notOk.increment();
                      }
                      if (response.setCookies().stream()
                          .anyMatch(c -> c.contains("session-token"))) {
                        sessionChanges.increment();
                        problem = problem == null ? "session cookie changed under load" : problem;
                      }
                      if (problem != null) {
                        leaks.increment();
                        if (failures.size() < 20) {
                          failures.add(me.kind() + " " + path + ": " + problem);
                        }
                      }
                      byPath.computeIfAbsent(path, k -> new LongAdder()).increment();
                      byKind.computeIfAbsent(me.kind(), k -> new LongAdder()).increment();
                      done.increment();
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
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.clone();
    java.util.Arrays.sort(sorted);
    Figures.print("isolation.requests", done.sum());
    Figures.print("isolation.shoppers", identities.size());
    Figures.print("isolation.client_threads", CLIENT_THREADS);
    Figures.print("isolation.foreign_or_wrong_responses", leaks.sum());
    Figures.print("isolation.non_200", notOk.sum());
    Figures.print("isolation.session_cookie_changes", sessionChanges.sum());
    Figures.print("isolation.seconds", seconds);
    Figures.print(
        "isolation.storefront_cpu_seconds",
        (storefront.cpu().minus(serverCpuBefore)).toMillis() / 1e3);
    Figures.print(
        "isolation.test_jvm_cpu_seconds_incl_sandbox",
        (HostileCookiesTest.processCpuNanos() - clientCpuBefore) / 1e9);
    Figures.print("isolation.requests_per_second", done.sum() / seconds);
    Figures.print("isolation.p50_ms", sorted[sorted.length / 2] / 1e6);
    Figures.print("isolation.p99_ms", sorted[(int) (sorted.length * 0.99)] / 1e6);
    new TreeMap<>(byPath).forEach((k, v) -> Figures.print("isolation.path." + k, v.sum()));
    new TreeMap<>(byKind).forEach((k, v) -> Figures.print("isolation.kind." + k, v.sum()));

    assertThat(failures).isEmpty();
    assertThat(done.sum()).isEqualTo(REQUESTS);
    assertThat(leaks.sum()).isZero();
    assertThat(notOk.sum()).isZero();
  }

  /** Null when the response is this shopper's and only this shopper's; else what is wrong. */
  static String check(Identity me, String path, int status, String body) {
    if (status != 200) {
      return "status " + status;
    }
    for (Identity other : identities) {
      if (other != me && other.firstName() != null && body.contains(other.firstName())) {
        return "shows another shopper's name (" + other.kind() + ")";
      }
      if (other != me && other.cartId() != null && body.contains(other.cartId())) {
        return "shows another shopper's cart id";
      }
    }
    if (path.equals("/api/auth/session")) {
      if (me.kind() == Kind.GUEST) {
        return body.strip().equals("null") ? null : "a guest got a session";
      }
      if (!body.contains(me.firstName()) || !body.contains(me.cartId())) {
        return "own name or cart missing from the session";
      }
      return null;
    }
    Matcher m = CART_COUNT.matcher(body);
    if (!m.find()) {
      return "no cart count";
    }
    if (Integer.parseInt(m.group(1)) != me.quantity()) {
      return "cart count " + m.group(1) + " is not this shopper's " + me.quantity();
    }
    if (me.firstName() != null && !body.contains(me.firstName())) {
      return "own name missing";
    }
    boolean wholesalePrice = body.contains(WHOLESALE_PRICE);
    if (me.kind() != Kind.WHOLESALE && wholesalePrice) {
      return "wholesale price shown to a " + me.kind() + " shopper";
    }
    if (me.kind() == Kind.WHOLESALE && path.startsWith("/product/") && !wholesalePrice) {
      return "wholesale price missing for a wholesale shopper";
    }
    if (me.kind() != Kind.WHOLESALE
        && path.startsWith("/product/")
        && !body.contains(RETAIL_PRICE)) {
      return "retail price missing";
    }
    return null;
  }
}
