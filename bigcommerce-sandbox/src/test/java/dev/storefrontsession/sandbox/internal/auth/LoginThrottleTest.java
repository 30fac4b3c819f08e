package dev.storefrontsession.sandbox.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import dev.storefrontsession.sandbox.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(10));

  @Test
  void lockedForWhenBelowLimitThenNotLocked() {
    throttle.recordFailure("a@example.com", "1.1.1.1");
    throttle.recordFailure("a@example.com", "1.1.1.2");
    assertThat(throttle.lockedFor("a@example.com", "9.9.9.9")).isEmpty();
  }

  @Test
  void lockedForWhenLimitReachedForEmailThenLockedUntilOldestFailureLeavesWindow() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("A@Example.com ", "1.1.1." + i);
      clock.advance(Duration.ofSeconds(60));
    }
    assertThat(throttle.lockedFor("a@example.com", "9.9.9.9")).hasValue(Duration.ofMinutes(7));
    clock.advance(Duration.ofMinutes(7));
    assertThat(throttle.lockedFor("a@example.com", "9.9.9.9")).isEmpty();
  }

  @Test
  void lockedForWhenLimitReachedForIpThenOtherEmailsFromThatIpLocked() {
    throttle.recordFailure("a@example.com", "5.5.5.5");
    throttle.recordFailure("b@example.com", "5.5.5.5");
    throttle.recordFailure("c@example.com", "5.5.5.5");
    assertThat(throttle.lockedFor("d@example.com", "5.5.5.5")).isPresent();
    assertThat(throttle.lockedFor("d@example.com", "6.6.6.6")).isEmpty();
  }

  @Test
  void recordSuccessWhenCalledThenEmailCountCleared() {
    throttle.recordFailure("a@example.com", "1.1.1.1");
    throttle.recordFailure("a@example.com", "1.1.1.2");
    throttle.recordSuccess("a@example.com");
    throttle.recordFailure("a@example.com", "1.1.1.3");
    assertThat(throttle.lockedFor("a@example.com", null)).isEmpty();
  }
}
