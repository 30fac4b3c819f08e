package dev.storefrontsession.client.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The in-process cache of guest query responses (Caffeine). One load per key at a time: concurrent
 * callers of the same key share one upstream call. Failed loads and responses with GraphQL errors
 * are never kept (zero TTL). Thread-safe.
 */
public final class GuestCache {

  /**
   * What a load produced: a response to keep for {@code ttl}, or one to hand to the waiting callers
   * only (GraphQL errors, or a failure) which has a zero TTL so Caffeine drops it at once. Failures
   * travel as values rather than as failed futures so that an upstream outage is not logged by
   * Caffeine as a load error on every call.
   */
  public record Entry(
      ParsedResponse response, RuntimeException failure, Duration ttl, Set<String> tags) {

    public Entry(ParsedResponse response, Duration ttl, Set<String> tags) {
      this(response, null, ttl, tags);
    }

    /** A response with GraphQL errors: delivered, never kept. */
    public static Entry uncacheable(ParsedResponse response) {
      return new Entry(response, null, Duration.ZERO, Set.of());
    }

    /** A failed call: delivered to every waiter, never kept. */
    public static Entry failed(RuntimeException failure) {
      return new Entry(null, failure, Duration.ZERO, Set.of());
    }

    /** True when this entry may stay in the cache. */
    public boolean cacheable() {
      return failure == null && !ttl.isZero();
    }
  }

  /**
   * The result of a lookup: the (possibly shared) future and whether this caller started the load.
   */
  public record Lookup(CompletableFuture<Entry> future, boolean loaded) {}

  private final AsyncCache<CacheKey, Entry> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  public GuestCache(long maximumSize, Clock clock) {
    Caffeine<Object, Object> builder =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .executor(Runnable::run)
            // size and expiry only: explicit removals (tags, invalidation) are not evictions
            .evictionListener(
                (key, value, cause) -> {
                  if (cause.wasEvicted()) {
                    evictions.increment();
                  }
                });
    this.cache =
        builder
            .ticker(ticker(clock))
            .expireAfter(
                new Expiry<CacheKey, Entry>() {
                  @Override
                  public long expireAfterCreate(CacheKey key, Entry value, long currentTime) {
                    return value.ttl().toNanos();
                  }

                  @Override
                  public long expireAfterUpdate(
                      CacheKey key, Entry value, long currentTime, long currentDuration) {
                    return value.ttl().toNanos();
                  }

                  @Override
                  public long expireAfterRead(
                      CacheKey key, Entry value, long currentTime, long currentDuration) {
                    return currentDuration;
                  }
                })
            .buildAsync();
  }

  private static Ticker ticker(Clock clock) {
    // The system clock gets the monotonic ticker; an injected clock (tests) drives expiry through
    // its millis.
    if (clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone())) {
      return Ticker.systemTicker();
    }
    return () -> clock.millis() * 1_000_000L;
  }

  /**
   * Returns the cached or in-flight entry for {@code key}, or starts {@code loader} when there is
   * none.
   */
  public Lookup get(CacheKey key, Supplier<CompletableFuture<Entry>> loader) {
    AtomicBoolean loaded = new AtomicBoolean();
    CompletableFuture<Entry> future =
        cache.get(
            key,
            (k, executor) -> {
              loaded.set(true);
              try {
                return loader.get();
              } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
              }
            });
    (loaded.get() ? misses : hits).increment();
    return new Lookup(future, loaded.get());
  }

  /**
   * Drops every entry carrying {@code tag}, and every load still in flight (its tags are not known
   * yet).
   */
  public int expireTag(String tag) {
    int[] removed = {0};
    cache
        .asMap()
        .entrySet()
        .removeIf(
            e -> {
              CompletableFuture<Entry> f = e.getValue();
              boolean drop;
              if (!f.isDone()) {
                drop = true;
              } else if (f.isCompletedExceptionally()) {
                drop = true;
              } else {
                GuestCache.Entry entry = f.join();
                drop = !entry.cacheable() || entry.tags().contains(tag);
              }
              if (drop) {
                removed[0]++;
              }
              return drop;
            });
    return removed[0];
  }

  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  /**
   * Entries removed because the cache was full or their TTL had passed (not by tag or
   * invalidation).
   */
  public long evictions() {
    return evictions.sum();
  }

  public long estimatedSize() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }
}
