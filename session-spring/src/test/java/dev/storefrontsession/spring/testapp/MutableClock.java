package dev.storefrontsession.spring.testapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time plus an offset the tests move forward (the sandbox checks token expiry with its own clock). */
public final class MutableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Back to the real time. */
  public void reset() {
    offset = Duration.ZERO;
  }

  public void advance(Duration duration) {
    offset = offset.plus(duration);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
