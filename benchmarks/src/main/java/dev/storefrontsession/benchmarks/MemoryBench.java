package dev.storefrontsession.benchmarks;

import dev.storefrontsession.benchmarks.internal.Args;
import dev.storefrontsession.benchmarks.internal.Gc;
import dev.storefrontsession.benchmarks.internal.InProcessStorefront;
import dev.storefrontsession.benchmarks.internal.Report;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bin/bench memory}: the storefront (with its embedded sandbox, in memory) runs in this JVM;
 * distinct signed-in shoppers each make one request (most to {@code GET /api/auth/session}, which
 * decodes the session; every {@code page-every}-th to the home page, which calls the store with the
 * shopper's CAT). Used heap after three {@code System.gc()} is taken after the first 1,000 shoppers
 * and again after 100,000; stateless sessions keep nothing per shopper, so the ratio should stay
 * near 1. The load generator mints each cookie when it sends it and keeps nothing, so its own
 * memory does not grow either.
 */
public final class MemoryBench {

  static final String SECRET = "memory-bench-secret-2f3e4d5c6b7a8990a716b5c4d3e2f1a0";

  private MemoryBench() {}

  public static void run(String[] argv) throws Exception {
    Args args = new Args(argv, 1);
    int first = args.integer("first", 1_000);
    int total = args.integer("shoppers", 100_000);
    int pageEvery = args.integer("page-every", 50);
    int connections = args.integer("connections", 4);

    Map<String, Object> props = new LinkedHashMap<>();
    props.put("AUTH_SECRET", SECRET);
    props.put("storefront.sandbox.in-memory", true);
    Report.progress("memory: starting the storefront with its embedded sandbox in this JVM");
    try (InProcessStorefront storefront = InProcessStorefront.start(props)) {
      SignedInShoppers signedIn =
          SignedInShoppers.login(
              SECRET,
              storefront.embeddedSandboxEndpoint(),
              storefront.property("BIGCOMMERCE_STOREFRONT_TOKEN"),
              4);
      LoadDriver.Plan plan =
          new LoadDriver.Plan(
              connections,
              total,
              i -> i % pageEvery == 0 ? "/" : "/api/auth/session",
              signedIn::jar);
      LoadDriver driver = new LoadDriver("127.0.0.1", storefront.port());

      LoadDriver.Result a = driver.oncePerShopper(plan, 0, first);
      long heapFirst = Gc.usedHeapAfterGc();
      Report.progress(
          String.format(
              "memory: %,d shoppers: %s; heap %.1f MB", first, a.summary(), heapFirst / 1e6));
      LoadDriver.Result b = driver.oncePerShopper(plan, first, total);
      long heapAll = Gc.usedHeapAfterGc();
      Report.progress(
          String.format(
              "memory: %,d shoppers: %s; heap %.1f MB", total, b.summary(), heapAll / 1e6));

      double ratio = heapAll / (double) heapFirst;
      Report.value("memory.shoppers_first", first);
      Report.value("memory.shoppers_total", total);
      Report.value("memory.heap_after_first_mb", heapFirst / 1e6, 1);
      Report.value("memory.heap_after_total_mb", heapAll / 1e6, 1);
      Report.value("memory.growth_ratio", ratio, 3);
      Report.value(
          "memory.bytes_per_extra_shopper", (heapAll - heapFirst) / (double) (total - first), 1);
      Report.value("memory.failures", a.failures() + b.failures());
      Report.value("memory.requests_per_s", b.throughput(), 0);
      Report.summary(
          String.format(
              "memory: used heap after GC %.1f MB after %,d signed-in shoppers, %.1f MB after "
                  + "%,d = %.3f (target <= 1.05); %d failed requests",
              heapFirst / 1e6, first, heapAll / 1e6, total, ratio, a.failures() + b.failures()));
    }
  }
}
