package dev.storefrontsession.sandbox.internal.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed password checks ({@code login}, {@code customer.changePassword}) per email and per
 * client IP in a sliding window; when either reaches the limit, further attempts are refused until
 * old failures leave the window. In memory: one sandbox process is one "store". Thread-safe.
 *
 * <p>An attempt counts as a failure from the moment it is admitted, before its password is checked
 * (bcrypt is slow): {@link #begin} checks both counters and takes a slot in each in one step, so
 * however many attempts run at once, at most {@code maxFailures} per window are let through; {@link
 * Attempt#succeeded()} gives the slot back and clears the email's count.
 *
 * <p>Memory is bounded: the counters live in a Caffeine cache of at most {@code maximumKeys}
 * entries, each forgotten one window after its last failure, and a counter holds at most {@code
 * maxFailures} times. When new keys flood the cache, Caffeine's frequency-based admission keeps the
 * counters that are hit again and again (an email being guessed) over keys seen once.
 */
public final class LoginThrottle {

  /** How many emails and IPs have counters at most, unless configured. */
  public static final long DEFAULT_MAXIMUM_KEYS = 100_000;

  private final Clock clock;
  private final int maxFailures;
  private final long windowMillis;
  private final Cache<String, Failures> counters;

  /**
   * Checking two counters and taking a slot in both is one step; the work inside is a few array
   * operations.
   */
  private final Object lock = new Object();

  public LoginThrottle(Clock clock, int maxFailures, Duration window) {
    this(clock, maxFailures, window, DEFAULT_MAXIMUM_KEYS);
  }

  public LoginThrottle(Clock clock, int maxFailures, Duration window, long maximumKeys) {
    if (maxFailures < 1 || window.isNegative() || window.isZero() || maximumKeys < 1) {
      throw new IllegalArgumentException("maxFailures, window and maximumKeys must be positive");
    }
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.windowMillis = window.toMillis();
    this.counters =
        Caffeine.newBuilder()
            .maximumSize(maximumKeys)
            .expireAfterWrite(window)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .executor(Runnable::run)
            .build();
  }

  /**
   * Admits an attempt for the email from the IP, counting it as a failure until {@link
   * Attempt#succeeded()}; or, when the email or the IP has reached the limit, refuses it ({@link
   * Attempt#lockedFor()}) without counting it.
   */
  public Attempt begin(String email, String clientIp) {
    long now = clock.millis();
    String emailKey = emailKey(email);
    String ipKey = ipKey(clientIp);
    synchronized (lock) {
      long waitMillis = Math.max(waitMillis(emailKey, now), waitMillis(ipKey, now));
      if (waitMillis > 0) {
        return new Attempt(null, null, Duration.ofMillis(waitMillis), now);
      }
      take(emailKey, now);
      take(ipKey, now);
      return new Attempt(emailKey, ipKey, null, now);
    }
  }

  /** How many emails and IPs have counters now (expired ones dropped first). */
  long trackedKeys() {
    counters.cleanUp();
    return counters.estimatedSize();
  }

  private long waitMillis(String key, long now) {
    Failures f = key == null ? null : counters.getIfPresent(key);
    return f == null ? 0 : f.waitMillis(now, maxFailures, windowMillis);
  }

  private void take(String key, long now) {
    if (key != null) {
      counters
          .asMap()
          .compute(
              key, (k, f) -> (f == null ? new Failures(maxFailures) : f).add(now, windowMillis));
    }
  }

  /** One admitted (or refused) attempt. */
  public final class Attempt {
    private final String emailKey;
    private final String ipKey;
    private final Duration lockedFor;
    private final long at;

    private Attempt(String emailKey, String ipKey, Duration lockedFor, long at) {
      this.emailKey = emailKey;
      this.ipKey = ipKey;
      this.lockedFor = lockedFor;
      this.at = at;
    }

    /** When refused: how long until the next attempt can be admitted. */
    public Optional<Duration> lockedFor() {
      return Optional.ofNullable(lockedFor);
    }

    /**
     * The password was right: the IP's slot is given back and the email's failures are forgotten.
     */
    public void succeeded() {
      if (lockedFor != null) {
        return;
      }
      synchronized (lock) {
        if (emailKey != null) {
          counters.invalidate(emailKey);
        }
        if (ipKey != null) {
          counters.asMap().computeIfPresent(ipKey, (k, f) -> f.remove(at) ? null : f);
        }
      }
    }
  }

  private static String emailKey(String email) {
    return email == null || email.isBlank()
        ? null
        : "email:" + email.trim().toLowerCase(Locale.ROOT);
  }

  private static String ipKey(String ip) {
    return ip == null || ip.isBlank() ? null : "ip:" + ip;
  }

  /**
   * The failure times (epoch milliseconds, oldest first) of one key inside the window; guarded by
   * the lock.
   */
  private static final class Failures {
    private final long[] times;
    private int size;

    Failures(int capacity) {
      times = new long[capacity];
    }

    long waitMillis(long now, int max, long window) {
      prune(now, window);
      return size >= max ? times[0] + window - now : 0;
    }

    Failures add(long now, long window) {
      prune(now, window);
      if (size == times.length) {
        // begin() admits only below the limit, so this never happens; the array stays bounded
        // regardless
        System.arraycopy(times, 1, times, 0, size - 1);
        size--;
      }
      times[size++] = now;
      return this;
    }

    /** Removes one failure at {@code time}; true when none is left. */
    boolean remove(long time) {
      for (int i = size - 1; i >= 0; i--) {
        if (times[i] == time) {
          System.arraycopy(times, i + 1, times, i, size - i - 1);
          size--;
          break;
        }
      }
      return size == 0;
    }

    private void prune(long now, long window) {
      int drop = 0;
      while (drop < size && times[drop] + window <= now) {
        drop++;
      }
      if (drop > 0) {
        System.arraycopy(times, drop, times, 0, size - drop);
        size -= drop;
      }
    }
  }
}
