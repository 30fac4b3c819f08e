package dev.storefrontsession.benchmarks;

import dev.storefrontsession.benchmarks.internal.Args;
import dev.storefrontsession.benchmarks.internal.InProcessStorefront;
import dev.storefrontsession.benchmarks.internal.Report;
import dev.storefrontsession.client.CacheStats;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.testing.FaultyProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code bin/bench cache}: the storefront's home page ({@code GET /}) for guests, viewed one after
 * another on one keep-alive connection, served from the client's guest cache vs the same storefront
 * whose client has no cache (a {@link StorefrontClient} bean with {@code cacheMaximumSize(0)}
 * replacing session-spring's default); and for signed-in shoppers, how many catalog calls reach the
 * store per page (counted by a proxy in front of the sandbox): must be exactly one, never cached.
 *
 * <p>Everything runs in this JVM: one sandbox (in memory), two storefronts (cache on, behind the
 * counting proxy; cache off, direct), and the load generator.
 */
public final class CacheBench {

  static final String SECRET = "cache-bench-secret-1f2e3d4c5b6a79889706a5b4c3d2e1f0";
  static final String HOME_OPERATION = "HomePageQuery";

  private CacheBench() {}

  @SuppressWarnings("try") // the recording only has to be open (and closed) around the run
  public static void run(String[] argv) throws Exception {
    Args args = new Args(argv, 1);
    int connections = args.integer("connections", 8);
    int warmup = args.integer("warmup", 15);
    int seconds = args.integer("seconds", 10);
    int customerRequests = args.integer("customer-requests", 200);
    Path out = Path.of(args.text("out", "benchmarks/target/bench"));
    Files.createDirectories(out);

    // JFR runs from the start: a first recording started after the warm-up would instrument the
    // JDK's I/O classes
    // then and deoptimise the warm code, so the measured window would run while the JIT compiles
    // again.
    try (Recording background = startRecording();
        SandboxServer sandbox =
            SandboxServer.start(SandboxSettings.builder().port(0).inMemoryDatabase().build());
        FaultyProxy proxy = FaultyProxy.start(sandbox.graphqlEndpoint())) {
      SandboxSettings s = sandbox.settings();
      Map<String, Object> common = new LinkedHashMap<>();
      common.put("AUTH_SECRET", SECRET);
      common.put("BIGCOMMERCE_STORE_HASH", s.storeHash());
      common.put("BIGCOMMERCE_CHANNEL_ID", s.channelId());
      common.put("BIGCOMMERCE_STOREFRONT_TOKEN", s.storefrontToken());
      Map<String, Object> cachedProps = new LinkedHashMap<>(common);
      cachedProps.put("BIGCOMMERCE_GRAPHQL_ENDPOINT", proxy.graphqlEndpoint());
      Map<String, Object> uncachedProps = new LinkedHashMap<>(common);
      uncachedProps.put("BIGCOMMERCE_GRAPHQL_ENDPOINT", sandbox.graphqlEndpoint());

      Report.progress("cache: starting two storefronts (guest cache on / off) on one sandbox");
      try (InProcessStorefront cached = InProcessStorefront.start(cachedProps);
          InProcessStorefront uncached =
              InProcessStorefront.start(uncachedProps, NoGuestCache.class)) {
        int guests = 200;
        // One connection: sequential page views. With several, the client without a cache still
        // joins concurrent
        // identical loads (one upstream call shared by the callers that arrive while it is in
        // flight), which is
        // request coalescing, not "cache off".
        LoadDriver.Plan guestPlan = new LoadDriver.Plan(1, guests, i -> "/", i -> Map.of());
        LoadDriver.Plan cachedPlan = new LoadDriver.Plan(1, guests, i -> "/", i -> Map.of());
        LoadDriver.Plan capacityPlan =
            new LoadDriver.Plan(connections, guests, i -> "/", i -> Map.of());

        StorefrontClient uncachedClient = uncached.bean(StorefrontClient.class);
        Report.progress("cache: guest home page without cache, warm-up " + warmup + " s");
        new LoadDriver("127.0.0.1", uncached.port())
            .timed(guestPlan, Duration.ofSeconds(warmup), Duration.ofSeconds(1));
        CacheStats u0 = uncachedClient.cacheStats();
        Recording recording = startRecording();
        LoadDriver.Result off =
            new LoadDriver("127.0.0.1", uncached.port())
                .timed(guestPlan, Duration.ofSeconds(1), Duration.ofSeconds(seconds));
        dump(recording, out.resolve("cache-uncached.jfr"), "cache.profile.uncached");
        CacheStats u1 = uncachedClient.cacheStats();
        Report.progress("cache: uncached: " + off.summary());

        StorefrontClient cachedClient = cached.bean(StorefrontClient.class);
        Report.progress("cache: guest home page from the cache, warm-up " + warmup + " s");
        new LoadDriver("127.0.0.1", cached.port())
            .timed(capacityPlan, Duration.ofSeconds(warmup), Duration.ofSeconds(1));
        new LoadDriver("127.0.0.1", cached.port())
            .timed(cachedPlan, Duration.ofSeconds(3), Duration.ofSeconds(1));
        CacheStats c0 = cachedClient.cacheStats();
        recording = startRecording();
        LoadDriver.Result on =
            new LoadDriver("127.0.0.1", cached.port())
                .timed(cachedPlan, Duration.ofSeconds(1), Duration.ofSeconds(seconds));
        dump(recording, out.resolve("cache-cached.jfr"), "cache.profile.cached");
        CacheStats c1 = cachedClient.cacheStats();
        Report.progress("cache: cached:   " + on.summary());
        LoadDriver.Result capacity =
            new LoadDriver("127.0.0.1", cached.port())
                .timed(capacityPlan, Duration.ofSeconds(1), Duration.ofSeconds(seconds));
        Report.progress("cache: cached, " + connections + " connections: " + capacity.summary());

        // Signed-in shoppers on the cached storefront: their catalog query must go upstream every
        // time.
        SignedInShoppers signedIn =
            SignedInShoppers.login(SECRET, sandbox.graphqlEndpoint(), s.storefrontToken(), 4);
        LoadDriver.Plan customerPlan =
            new LoadDriver.Plan(2, customerRequests, i -> "/", signedIn::jar);
        new LoadDriver("127.0.0.1", cached.port()).oncePerShopper(customerPlan, 0, 20);
        proxy.reset();
        LoadDriver.Result customers =
            new LoadDriver("127.0.0.1", cached.port())
                .oncePerShopper(customerPlan, 0, customerRequests);
        long customerHomeCalls = proxy.count(HOME_OPERATION, true);
        long guestHomeCalls = proxy.count(HOME_OPERATION, false);
        Report.progress(
            "cache: customers: "
                + customers.summary()
                + "; upstream "
                + HOME_OPERATION
                + " with CAT: "
                + customerHomeCalls
                + ", without: "
                + guestHomeCalls);

        double ratio = on.throughput() / off.throughput();
        double customerPerRequest = customerHomeCalls / (double) customers.requests();
        Report.value("cache.guest_cached_rps", on.throughput(), 0);
        Report.value("cache.guest_uncached_rps", off.throughput(), 0);
        Report.value("cache.guest_cached_vs_uncached_ratio", ratio, 1);
        Report.value("cache.guest_cached_p99_ms", on.p99Ms(), 2);
        Report.value("cache.guest_uncached_p99_ms", off.p99Ms(), 2);
        Report.value(
            "cache.guest_cached_upstream_calls_per_request",
            (c1.upstreamCalls() - c0.upstreamCalls()) / (double) on.requests(),
            4);
        Report.value(
            "cache.guest_uncached_upstream_calls_per_request",
            (u1.upstreamCalls() - u0.upstreamCalls()) / (double) off.requests(),
            3);
        Report.value("cache.guest_uncached_hits", u1.hits() - u0.hits());
        Report.value(
            "cache.guest_cached_rps_" + connections + "_connections", capacity.throughput(), 0);
        Report.value("cache.customer_requests", customers.requests());
        Report.value("cache.customer_upstream_calls_per_request", customerPerRequest, 3);
        Report.value("cache.failures", on.failures() + off.failures() + customers.failures());
        Report.summary(
            String.format(
                "cache: guest home page, sequential views: %,.0f/s from the cache vs %,.0f/s without = %.1fx "
                    + "(target >= 10); signed-in: %d of %d page views sent %s upstream with the CAT = %.3f per request "
                    + "(target 1.0)",
                on.throughput(),
                off.throughput(),
                ratio,
                customerHomeCalls,
                customers.requests(),
                HOME_OPERATION,
                customerPerRequest));
      }
    }
  }

  static Recording startRecording() throws Exception {
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
    return recording;
  }

  static void dump(Recording recording, Path file, String title) {
    try {
      recording.stop();
      recording.dump(file);
      recording.close();
      List<String> lines = JfrSummary.summarize(file, n -> !n.startsWith("load-")).lines(title, 15);
      Files.write(Path.of(file.toString().replace(".jfr", ".txt")), lines);
    } catch (Exception e) {
      Report.progress("no profile " + file + ": " + e);
    }
  }

  /** The same client session-spring would build, but with no guest cache. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  public static class NoGuestCache {
    @Bean
    StorefrontClient storefrontClient(Environment env) {
      return StorefrontClient.builder()
          .storefrontToken(env.getRequiredProperty("BIGCOMMERCE_STOREFRONT_TOKEN"))
          .storeHash(env.getProperty("BIGCOMMERCE_STORE_HASH"))
          .endpoint(env.getRequiredProperty("BIGCOMMERCE_GRAPHQL_ENDPOINT"))
          .channelId(Long.parseLong(env.getProperty("BIGCOMMERCE_CHANNEL_ID", "1")))
          .cacheMaximumSize(0)
          .build();
    }
  }
}
