package dev.storefrontsession.sandbox.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(10));

  private void fail(String email, String ip) {
    assertThat(throttle.begin(email, ip).lockedFor()).as("admitted").isEmpty();
  }

  @Test
  void beginWhenBelowLimitThenAdmitted() {
    fail("a@example.com", "1.1.1.1");
    fail("a@example.com", "1.1.1.2");
    assertThat(throttle.begin("a@example.com", "9.9.9.9").lockedFor()).isEmpty();
  }

  @Test
  void beginWhenLimitReachedForEmailThenLockedUntilOldestFailureLeavesWindow() {
    for (int i = 0; i < 3; i++) {
      fail("A@Example.com ", "1.1.1." + i);
      clock.advance(Duration.ofSeconds(60));
    }
    assertThat(throttle.begin("a@example.com", "9.9.9.9").lockedFor())
        .hasValue(Duration.ofMinutes(7));
    clock.advance(Duration.ofMinutes(7));
    assertThat(throttle.begin("a@example.com", "9.9.9.9").lockedFor()).isEmpty();
  }

  @Test
  void beginWhenLimitReachedForIpThenOtherEmailsFromThatIpLocked() {
    fail("a@example.com", "5.5.5.5");
    fail("b@example.com", "5.5.5.5");
    fail("c@example.com", "5.5.5.5");
    assertThat(throttle.begin("d@example.com", "5.5.5.5").lockedFor()).isPresent();
    assertThat(throttle.begin("d@example.com", "6.6.6.6").lockedFor()).isEmpty();
  }

  @Test
  void beginWhenLockedThenTheRefusedAttemptIsNotCounted() {
    for (int i = 0; i < 3; i++) {
      fail("a@example.com", "1.1.1." + i);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.begin("a@example.com", "7.7.7.7").lockedFor()).isPresent();
    }
    assertThat(throttle.begin("z@example.com", "7.7.7.7").lockedFor())
        .as("the IP was not charged")
        .isEmpty();
  }

  @Test
  void succeededWhenCalledThenEmailCountClearedAndTheIpSlotGivenBack() {
    fail("a@example.com", "1.1.1.1");
    fail("a@example.com", "1.1.1.1");
    throttle.begin("a@example.com", "1.1.1.1").succeeded();
    fail("a@example.com", "1.1.1.3");
    fail("b@example.com", "1.1.1.1");
    assertThat(throttle.begin("a@example.com", null).lockedFor()).isEmpty();
    assertThat(throttle.begin("c@example.com", "1.1.1.1").lockedFor())
        .as("two failures and one success")
        .isPresent();
  }

  @Test
  void beginWhen64ConcurrentAttemptsForOneEmailThenOnlyTheLimitAdmitted() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> admitted = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String ip = "10.0.0." + i;
        admitted.add(
            pool.submit(
                () -> {
                  go.await();
                  return throttle.begin("target@example.com", ip).lockedFor().isEmpty();
                }));
      }
      go.countDown();
      int count = 0;
      for (Future<Boolean> f : admitted) {
        count += f.get() ? 1 : 0;
      }
      assertThat(count).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void countersWhenWindowHasPassedThenForgotten() {
    for (int i = 0; i < 100; i++) {
      fail("gone-" + i + "@example.com", "10.9.0." + i);
    }
    assertThat(throttle.trackedKeys()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    fail("late@example.com", "10.9.1.1");

    assertThat(throttle.trackedKeys()).isEqualTo(2);
  }

  @Test
  void memoryWhenOneMillionDistinctEmailsAndIpsThenBounded() {
    LoginThrottle big = new LoginThrottle(clock, 5, Duration.ofMinutes(15));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedHeapAfterGc(memory);
    SplittableRandom random = new SplittableRandom(12);
    int attempts = 1_000_000;
    for (int i = 0; i < attempts; i++) {
      String email =
          Long.toHexString(random.nextLong())
              + "@"
              + Long.toHexString(random.nextLong())
              + ".example";
      String ip =
          random.nextInt(256)
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256);
      big.begin(email, ip);
    }
    long retained = usedHeapAfterGc(memory) - before;
    long keys = big.trackedKeys();
    System.out.println("FIGURE throttle.memory.attempts=" + attempts);
    System.out.println("FIGURE throttle.memory.tracked_keys=" + keys);
    System.out.println("FIGURE throttle.memory.retained_bytes=" + retained);

    assertThat(keys).isLessThanOrEqualTo(LoginThrottle.DEFAULT_MAXIMUM_KEYS);
    assertThat(retained).as("heap retained by the throttle").isLessThan(RETAINED_BOUND_BYTES);
  }

  /**
   * The default 100,000 keys at 400 bytes each (measured: about 255 bytes for the key string, the
   * failure times and the cache entry); unbounded counters kept 2,000,000 keys in about 460 MB.
   */
  static final long RETAINED_BOUND_BYTES = 100_000L * 400;

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
