package dev.storefrontsession.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A clock tests move by hand, in UTC; thread-safe. Either stopped at a start instant ({@link
 * #MutableClock(Instant)}, {@link #startingNow()}) and moved only by {@link #advance}, or running
 * with the real time plus an offset the tests move forward ({@link #MutableClock()}: for a server
 * under test whose store checks expiry with its own, real clock).
 */
public final class MutableClock extends Clock {

  /** Null: the real time; otherwise the time the clock stands at (before the offset). */
  private final @Nullable Instant start;

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** A stopped clock at {@code start}. */
  public MutableClock(Instant start) {
    this.start = start;
  }

  /** A running clock: the real time plus what {@link #advance} added. */
  public MutableClock() {
    this.start = null;
  }

  /** A stopped clock at the current time. */
  public static MutableClock startingNow() {
    return new MutableClock(Instant.now());
  }

  /** Moves the clock forward by {@code duration} (backward if negative). */
  public void advance(Duration duration) {
    offset.updateAndGet(o -> o.plus(duration));
  }

  /**
   * Back to where it started: the real time for a running clock, the start instant for a stopped
   * one.
   */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public Instant instant() {
    return (start == null ? Instant.now() : start).plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock (tests read instants, not zones). */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
