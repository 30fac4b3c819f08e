package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.CookieChunker;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionCodec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Item 1 (core level): at least 1,000,000 hostile session cookie sets through the session layer exactly as the web
 * edge uses it ({@link CookieChunker#read} then {@link SessionCodec#decode}): none is accepted, no exception escapes;
 * oversized cookie sets are refused with an allocation bound that does not grow with the input.
 */
class HostileCookiesTest {

  static final int SAMPLES = Integer.getInteger("hostile.samples", 1_000_000);
  static final long SEED = Long.getLong("hostile.seed", 20261125L);

  @Test
  void decodeWhenMillionHostileCookieSetsThenNoneAcceptedAndNoExceptionEscapes() throws Exception {
    SessionCodec codec = SessionFixtures.ringCodec();
    List<HostileCookies.Seed> seeds = SessionFixtures.seeds();
    for (HostileCookies.Seed seed : seeds) { // control: the seeds themselves are valid, so rejections mean something
      Map<String, String> cookies = new LinkedHashMap<>();
      if (seed.token().length() > CookieChunker.CHUNK_SIZE) {
        for (int i = 0, c = 0; i < seed.token().length(); i += CookieChunker.CHUNK_SIZE, c++) {
          cookies.put(seed.cookieName() + "." + c,
              seed.token().substring(i, Math.min(seed.token().length(), i + CookieChunker.CHUNK_SIZE)));
        }
      } else {
        cookies.put(seed.cookieName(), seed.token());
      }
      assertThat(process(codec, seed.cookieName(), cookies)).as("seed control").isEqualTo("ACCEPTED");
    }
    HostileCookies generator = new HostileCookies(seeds, SessionFixtures.expired(), SessionFixtures.NAMES,
        SessionFixtures.hostileHeaders(), false);

    int threads = 2;
    LongAdder total = new LongAdder();
    LongAdder accepted = new LongAdder();
    LongAdder equivalent = new LongAdder();
    LongAdder escaped = new LongAdder();
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    Map<String, LongAdder> categories = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(SEED + t);
        int quota = SAMPLES / threads + (t == 0 ? SAMPLES % threads : 0);
        futures.add(pool.submit(() -> {
          int done = 0;
          while (done < quota) {
            HostileCookies.Sample sample = generator.next(random);
            String outcome;
            try {
              outcome = process(codec, sample.cookieName(), sample.cookies());
              if (outcome.equals("ACCEPTED")) {
                String joined = ((CookieChunker.ReadResult.Found) CookieChunker.read(sample.cookieName(),
                    sample.cookies())).value();
                if (joined.equals(sample.original())) {
                  equivalent.increment(); // a chunk-name variant that joins to the unchanged seed: not hostile
                  continue;
                }
                accepted.increment();
                failures.add("accepted: " + sample.category());
              }
            } catch (Throwable escapedThrowable) {
              escaped.increment();
              outcome = "ESCAPED";
              if (failures.size() < 20) {
                failures.add(sample.category() + " threw " + escapedThrowable);
              }
            }
            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            categories.computeIfAbsent(sample.category(), k -> new LongAdder()).increment();
            total.increment();
            done++;
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
    Figures.print("hostile.core.samples", total.sum());
    Figures.print("hostile.core.accepted", accepted.sum());
    Figures.print("hostile.core.exceptions", escaped.sum());
    Figures.print("hostile.core.equivalent_skipped", equivalent.sum());
    Figures.print("hostile.core.seconds", seconds);
    Figures.print("hostile.core.cpu_seconds", (processCpuNanos() - cpuStart) / 1e9);
    new TreeMap<>(outcomes).forEach((k, v) -> Figures.print("hostile.core.outcome." + k, v.sum()));
    new TreeMap<>(categories).forEach((k, v) -> Figures.print("hostile.core.category." + k, v.sum()));

    assertThat(failures).isEmpty();
    assertThat(total.sum()).isGreaterThanOrEqualTo(SAMPLES);
    assertThat(accepted.sum()).isZero();
    assertThat(escaped.sum()).isZero();
    assertThat(categories.keySet()).containsExactlyInAnyOrder(HostileCookies.CATEGORIES);
  }

  @Test
  void readWhenOversizedCookiesThenRefusedWithBoundedAllocation() {
    SessionCodec codec = SessionFixtures.ringCodec();
    String name = SessionFixtures.PLAIN;
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);

    Map<String, Map<String, String>> cases = new LinkedHashMap<>();
    cases.put("single_64KiB_plus_1", Map.of(name, "A".repeat(CookieChunker.MAX_TOTAL_LENGTH + 1)));
    cases.put("single_1MiB", Map.of(name, "A".repeat(1 << 20)));
    cases.put("single_16MiB", Map.of(name, "A".repeat(16 << 20)));
    String chunk = "A".repeat(CookieChunker.CHUNK_SIZE);
    cases.put("chunks_16x1MiB", chunks(name, 16, "A".repeat(1 << 20)));
    cases.put("chunks_17", chunks(name, 17, chunk));
    cases.put("chunks_1000", chunks(name, 1000, chunk));
    cases.put("chunks_20000", chunks(name, 20_000, "AAAA"));

    long worst = 0;
    Map<String, Long> perCase = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
      Map<String, String> cookies = c.getValue();
      for (int i = 0; i < 200; i++) { // warm-up: allocation of the JIT-compiled path is what a busy server sees
        process(codec, name, cookies);
      }
      int reps = 50;
      long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      for (int i = 0; i < reps; i++) {
        String outcome = process(codec, name, cookies);
        assertThat(outcome).as(c.getKey()).isEqualTo("REFUSED:MALFORMED");
      }
      long perRejection = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / reps;
      perCase.put(c.getKey(), perRejection);
      Figures.print("hostile.alloc_bytes_per_rejection." + c.getKey(), perRejection);
      worst = Math.max(worst, perRejection);
    }
    // A refusal never copies the value: 16 MiB costs what 64 KiB costs.
    assertThat(perCase.get("single_16MiB")).isLessThanOrEqualTo(4 * 1024);
    assertThat(perCase.get("chunks_16x1MiB")).isLessThanOrEqualTo(4 * 1024);
    // Too many chunks: at most a small per-cookie bookkeeping cost, nothing per byte of value.
    assertThat(perCase.get("chunks_1000")).isLessThanOrEqualTo(1000 * 128L);
    assertThat(perCase.get("chunks_20000")).isLessThanOrEqualTo(20_000 * 128L);
    Figures.print("hostile.alloc_bytes_per_rejection.worst", worst);
  }

  private static Map<String, String> chunks(String name, int count, String value) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      cookies.put(name + "." + i, value);
    }
    return cookies;
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** What the web edge does with a request's cookies: join the chunks, then decode. */
  static String process(SessionCodec codec, String cookieName, Map<String, String> cookies) {
    CookieChunker.ReadResult read = CookieChunker.read(cookieName, cookies);
    if (read instanceof CookieChunker.ReadResult.Missing) {
      return "MISSING";
    }
    if (read instanceof CookieChunker.ReadResult.Refused refused) {
      return "REFUSED:" + refused.reason();
    }
    DecodeResult result = codec.decode(((CookieChunker.ReadResult.Found) read).value(), cookieName);
    if (result instanceof DecodeResult.Rejected rejected) {
      return "REJECTED:" + rejected.reason();
    }
    return "ACCEPTED";
  }
}
