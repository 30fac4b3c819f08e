package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.CachePolicy;
import dev.storefrontsession.client.ErrorPolicy;
import dev.storefrontsession.client.GraphQLRequest;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.client.StorefrontException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The store answers: one small guest query ({@code StoreHealthQuery}, the store's name) that never
 * uses the guest cache. The answer is kept for {@code interval}, so however often probes ask, the
 * store sees at most one query per interval per instance; concurrent probes while a check runs
 * share it. Details name the failure's kind only (timeout, HTTP status), never a message from
 * upstream. Thread-safe.
 */
public final class StoreHealthIndicator implements HealthIndicator {

  static final String QUERY = "query StoreHealthQuery { site { settings { storeName } } }";

  private record Checked(Health health, Instant at) {}

  private final StorefrontClient client;
  private final Duration interval;
  private final Clock clock;
  private volatile Checked last;

  public StoreHealthIndicator(StorefrontClient client, Duration interval, Clock clock) {
    this.client = client;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Checked checked = last;
    Instant now = clock.instant();
    if (checked != null && now.isBefore(checked.at().plus(interval))) {
      return checked.health();
    }
    synchronized (this) {
      checked = last;
      if (checked != null && clock.instant().isBefore(checked.at().plus(interval))) {
        return checked.health();
      }
      Health health = check();
      last = new Checked(health, clock.instant());
      return health;
    }
  }

  private Health check() {
    long start = System.nanoTime();
    try {
      client.execute(
          GraphQLRequest.builder(QUERY)
              .cache(CachePolicy.noStore())
              .errorPolicy(ErrorPolicy.NONE)
              .build());
      return Health.up().withDetail("latencyMs", (System.nanoTime() - start) / 1_000_000).build();
    } catch (StorefrontException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", "unexpected").build();
    }
  }
}
