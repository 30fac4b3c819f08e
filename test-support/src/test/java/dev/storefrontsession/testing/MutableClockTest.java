package dev.storefrontsession.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  @Test
  void stoppedClockWhenAdvancedThenMovesByExactlyThatMuch() throws InterruptedException {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Thread.sleep(5);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    clock.advance(Duration.ofMinutes(90));
    clock.advance(Duration.ofNanos(1));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T01:30:00.000000001Z"));
    clock.advance(Duration.ofHours(-1));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:30:00.000000001Z"));
  }

  @Test
  void startingNowWhenCreatedThenStandsAtTheCurrentTime() {
    Instant before = Instant.now();
    MutableClock clock = MutableClock.startingNow();
    Instant after = Instant.now();
    assertThat(clock.instant()).isBetween(before, after);
    assertThat(clock.instant()).isEqualTo(clock.instant());
  }

  @Test
  void runningClockWhenAdvancedThenRealTimePlusOffset() {
    MutableClock clock = new MutableClock();
    clock.advance(Duration.ofDays(31));
    Instant before = Instant.now().plus(Duration.ofDays(31));
    Instant read = clock.instant();
    Instant after = Instant.now().plus(Duration.ofDays(31));
    assertThat(read).isBetween(before, after);
  }

  @Test
  void zoneIsUtcWhateverIsAsked() {
    MutableClock clock = MutableClock.startingNow();
    assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    assertThat(clock.withZone(java.time.ZoneId.of("Europe/Paris"))).isSameAs(clock);
  }
}
