package dev.storefrontsession.sandbox.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per email and per client IP in a sliding window; when either reaches the limit, further
 * attempts are refused until old failures leave the window. A successful login clears its email's count. In memory:
 * one sandbox process is one "store". Thread-safe.
 */
public final class LoginThrottle {

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, int maxFailures, Duration window) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** When the email or the IP is locked out: how long until the next attempt is allowed. */
  public Optional<Duration> lockedFor(String email, String clientIp) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : new String[] {emailKey(email), ipKey(clientIp)}) {
      if (key == null) {
        continue;
      }
      Deque<Instant> q = failures.get(key);
      if (q == null) {
        continue;
      }
      synchronized (q) {
        prune(q, now);
        if (q.size() >= maxFailures) {
          Duration w = Duration.between(now, q.peekFirst().plus(window));
          if (w.compareTo(wait) > 0) {
            wait = w;
          }
        }
      }
    }
    return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
  }

  public void recordFailure(String email, String clientIp) {
    Instant now = clock.instant();
    for (String key : new String[] {emailKey(email), ipKey(clientIp)}) {
      if (key == null) {
        continue;
      }
      Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (q) {
        prune(q, now);
        q.addLast(now);
      }
    }
  }

  public void recordSuccess(String email) {
    String key = emailKey(email);
    if (key != null) {
      failures.remove(key);
    }
  }

  private void prune(Deque<Instant> q, Instant now) {
    Instant cutoff = now.minus(window);
    while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
      q.pollFirst();
    }
  }

  private static String emailKey(String email) {
    return email == null || email.isBlank() ? null : "email:" + email.trim().toLowerCase(Locale.ROOT);
  }

  private static String ipKey(String ip) {
    return ip == null || ip.isBlank() ? null : "ip:" + ip;
  }
}
