package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.CookieAttributes;
import dev.storefrontsession.core.CookieChunker;
import dev.storefrontsession.core.CookieHeader;
import dev.storefrontsession.core.CookieNames;
import dev.storefrontsession.core.CookieValues;
import dev.storefrontsession.core.CsrfToken;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SetCookie;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Item 1 (core level): at least 1,000,000 hostile session cookie sets through the session layer
 * exactly as the web edge uses it ({@link CookieChunker#read} then {@link SessionCodec#decode}):
 * none is accepted, no exception escapes; oversized cookie sets are refused with an allocation
 * bound that does not grow with the input.
 */
class HostileCookiesTest {

  static final int SAMPLES = Integer.getInteger("hostile.samples", 1_000_000);
  static final long SEED = Long.getLong("hostile.seed", 20261125L);
  static final int NAME_SAMPLES = Integer.getInteger("hostile.names.samples", 200_000);

  /**
   * RFC 9110 token: what a cookie name written back in a Set-Cookie must be (checked independently
   * of core).
   */
  static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  @Test
  void decodeWhenMillionHostileCookieSetsThenNoneAcceptedAndNoExceptionEscapes() throws Exception {
    SessionCodec codec = SessionFixtures.ringCodec();
    List<HostileCookies.Seed> seeds = SessionFixtures.seeds();
    for (HostileCookies.Seed seed :
        seeds) { // control: the seeds themselves are valid, so rejections mean something
      Map<String, String> cookies = new LinkedHashMap<>();
      if (seed.token().length() > CookieChunker.CHUNK_SIZE) {
        for (int i = 0, c = 0; i < seed.token().length(); i += CookieChunker.CHUNK_SIZE, c++) {
          cookies.put(
              seed.cookieName() + "." + c,
              seed.token()
                  .substring(i, Math.min(seed.token().length(), i + CookieChunker.CHUNK_SIZE)));
        }
      } else {
        cookies.put(seed.cookieName(), seed.token());
      }
      assertThat(process(codec, seed.cookieName(), cookies))
          .as("seed control")
          .isEqualTo("ACCEPTED");
    }
    HostileCookies generator =
        new HostileCookies(
            seeds,
            SessionFixtures.expired(),
            SessionFixtures.NAMES,
            SessionFixtures.hostileHeaders(),
            false);

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
        futures.add(
            pool.submit(
                () -> {
                  int done = 0;
                  while (done < quota) {
                    HostileCookies.Sample sample = generator.next(random);
                    String outcome;
                    try {
                      outcome = process(codec, sample.cookieName(), sample.cookies());
                      if (outcome.equals("ACCEPTED")) {
                        String joined =
                            ((CookieChunker.ReadResult.Found)
                                    CookieChunker.read(sample.cookieName(), sample.cookies()))
                                .value();
                        if (joined.equals(sample.original())) {
                          equivalent
                              .increment(); // a chunk-name variant that joins to the unchanged
                          // seed: not hostile
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
    new TreeMap<>(categories)
        .forEach((k, v) -> Figures.print("hostile.core.category." + k, v.sum()));

    assertThat(failures).isEmpty();
    assertThat(total.sum()).isGreaterThanOrEqualTo(SAMPLES);
    assertThat(accepted.sum()).isZero();
    assertThat(escaped.sum()).isZero();
    assertThat(categories.keySet()).containsExactlyInAnyOrder(HostileCookies.CATEGORIES);
  }

  /**
   * Hostile cookie <em>names</em> through everything the web edge does with a Cookie header (parse,
   * read and decode both session cookies, the anonymous cookies and the CSRF cookie, then write the
   * deletions or the re-issued cookie): first every character U+0000…U+FFFF appended to and
   * inserted into each cookie name, then random samples of every family. No exception escapes,
   * nothing but the valid token the header carried is accepted, and no Set-Cookie names anything
   * that is not a token.
   */
  @Test
  void webEdgeWhenHostileCookieNamesThenNothingThrownNothingForeignAcceptedNoInvalidNameWritten()
      throws Exception {
    SessionCodec codec = SessionFixtures.ringCodec();
    KeyRing ring = KeyRing.of(SessionFixtures.NEW_SECRET, SessionFixtures.OLD_SECRET);
    List<HostileCookies.Seed> seeds = SessionFixtures.seeds();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    LongAdder total = new LongAdder();
    LongAdder escaped = new LongAdder();
    LongAdder foreign = new LongAdder();
    LongAdder acceptedOriginal = new LongAdder();
    Map<String, LongAdder> families = new ConcurrentHashMap<>();
    long cpuStart = processCpuNanos();

    HostileCookies.Seed plain =
        seeds.stream()
            .filter(
                s ->
                    s.cookieName().equals(SessionFixtures.PLAIN)
                        && s.token().length() < CookieChunker.CHUNK_SIZE)
            .findFirst()
            .orElseThrow();
    assertThat(webEdge(codec, ring, plain.cookieName() + "=" + plain.token()))
        .containsExactly(plain.token());
    for (String name :
        HostileCookieNames.COOKIE_NAMES) { // every character, after and inside each name
      for (int c = 0; c < 0x10000; c++) {
        String[] headers = {
          name + (char) c + "=" + plain.token(),
          name.substring(0, 6)
              + (char) c
              + name.substring(6)
              + "=x; "
              + plain.cookieName()
              + "="
              + plain.token()
        };
        for (String header : headers) {
          check(
              "every-char",
              header,
              plain.token(),
              codec,
              ring,
              total,
              escaped,
              foreign,
              acceptedOriginal,
              failures);
        }
      }
    }
    families.computeIfAbsent("every-char", k -> new LongAdder()).add(total.sum());

    HostileCookieNames generator = new HostileCookieNames(seeds, false, 5_000);
    int threads = 2;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(SEED + 50 + t);
        int quota = NAME_SAMPLES / threads + (t == 0 ? NAME_SAMPLES % threads : 0);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < quota; i++) {
                    // thousands of cookies are costly to build: one sample in 50 of that family
                    int family = random.nextInt(50) == 0 ? 4 : random.nextInt(4);
                    HostileCookieNames.Sample sample = generator.next(random, family);
                    families.computeIfAbsent(sample.family(), k -> new LongAdder()).increment();
                    check(
                        sample.family(),
                        sample.header(),
                        sample.original(),
                        codec,
                        ring,
                        total,
                        escaped,
                        foreign,
                        acceptedOriginal,
                        failures);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Figures.print("hostile.names.core.samples", total.sum());
    Figures.print("hostile.names.core.exceptions", escaped.sum());
    Figures.print("hostile.names.core.foreign_accepted", foreign.sum());
    Figures.print("hostile.names.core.valid_cookie_alongside_accepted", acceptedOriginal.sum());
    Figures.print("hostile.names.core.cpu_seconds", (processCpuNanos() - cpuStart) / 1e9);
    new TreeMap<>(families)
        .forEach((k, v) -> Figures.print("hostile.names.core.family." + k, v.sum()));

    assertThat(failures).isEmpty();
    assertThat(escaped.sum()).isZero();
    assertThat(foreign.sum()).isZero();
    assertThat(families.keySet()).contains(HostileCookieNames.FAMILIES);
  }

  private static void check(
      String family,
      String header,
      String original,
      SessionCodec codec,
      KeyRing ring,
      LongAdder total,
      LongAdder escaped,
      LongAdder foreign,
      LongAdder acceptedOriginal,
      List<String> failures) {
    total.increment();
    try {
      for (String accepted : webEdge(codec, ring, header)) {
        if (accepted.equals(original)) {
          acceptedOriginal.increment();
        } else {
          foreign.increment();
          failures.add("accepted a value the header did not carry as a valid cookie: " + family);
        }
      }
    } catch (Throwable e) {
      escaped.increment();
      if (failures.size() < 20) {
        failures.add(
            family
                + " threw "
                + e
                + " for header "
                + header
                    .substring(0, Math.min(200, header.length()))
                    .replaceAll("\\p{Cntrl}", "?"));
      }
    }
  }

  /**
   * What the web edge does with one Cookie header, plain and secure: the session cookies through
   * {@link CookieChunker}, the anonymous cookies and the CSRF cookie by their exact names; every
   * cookie that decodes is re-issued and every other one deleted. Returns the values accepted;
   * fails when a Set-Cookie names a non-token.
   */
  static List<String> webEdge(SessionCodec codec, KeyRing ring, String header) {
    Map<String, String> cookies = new LinkedHashMap<>();
    CookieHeader.parseInto(header, cookies);
    List<String> accepted = new ArrayList<>();
    List<SetCookie> written = new ArrayList<>();
    for (boolean secure : new boolean[] {false, true}) {
      CookieAttributes attributes = CookieAttributes.authJsDefaults(secure);
      String session = CookieNames.sessionToken(secure);
      CookieChunker.ReadResult read = CookieChunker.read(session, cookies);
      if (read instanceof CookieChunker.ReadResult.Found found
          && codec.decode(found.value(), session) instanceof DecodeResult.Decoded) {
        accepted.add(found.value());
        written.addAll(CookieChunker.write(session, "re-issued", attributes, cookies));
      } else {
        written.addAll(CookieChunker.clear(session, attributes, cookies));
      }
      String anonymous = CookieNames.anonymousSessionToken(secure);
      String token = CookieValues.decode(cookies.get(anonymous));
      if (token != null && !token.isEmpty()) {
        if (codec.decode(token, anonymous) instanceof DecodeResult.Decoded) {
          accepted.add(token);
          written.add(new SetCookie(anonymous, "re-issued", attributes));
        } else {
          written.add(SetCookie.deletion(anonymous, attributes));
        }
      }
      String csrf = CookieNames.csrfToken(secure);
      if (cookies.get(csrf) != null && CsrfToken.fromCookie(cookies.get(csrf), ring).isEmpty()) {
        written.add(new SetCookie(csrf, CsrfToken.create(ring).cookieValue(), attributes));
      }
    }
    if (written.size() > 2 * (CookieChunker.MAX_DELETIONS + CookieChunker.MAX_CHUNKS) + 4) {
      throw new AssertionError(written.size() + " Set-Cookie headers for one request");
    }
    for (SetCookie cookie : written) {
      String value = cookie.toHeaderValue();
      String name = value.substring(0, value.indexOf('='));
      if (!TOKEN.matcher(name).matches()) {
        throw new AssertionError("Set-Cookie with a name that is not a token: " + name);
      }
    }
    return accepted;
  }

  @Test
  void readWhenOversizedCookiesThenRefusedWithBoundedAllocation() {
    SessionCodec codec = SessionFixtures.ringCodec();
    String name = SessionFixtures.PLAIN;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
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
      for (int i = 0;
          i < 200;
          i++) { // warm-up: allocation of the JIT-compiled path is what a busy server sees
        process(codec, name, cookies);
      }
      int reps = 50;
      long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      for (int i = 0; i < reps; i++) {
        String outcome = process(codec, name, cookies);
        assertThat(outcome).as(c.getKey()).isEqualTo("REFUSED:MALFORMED");
      }
      long perRejection =
          (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / reps;
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
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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
