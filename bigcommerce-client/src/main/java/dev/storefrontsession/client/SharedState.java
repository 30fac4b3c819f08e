package dev.storefrontsession.client;

import dev.storefrontsession.client.internal.GuestCache;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link StorefrontClient} shares with the variants derived from it: the guest cache and the
 * call counters behind {@link StorefrontClient#cacheStats()}. Thread-safe.
 */
final class SharedState {

  private static final System.Logger LOG = System.getLogger(StorefrontClient.class.getName());

  final GuestCache cache;
  final LongAdder upstreamCalls = new LongAdder();
  final LongAdder bypassed = new LongAdder();

  SharedState(long maximumSize, Clock clock) {
    this.cache = new GuestCache(maximumSize, clock);
  }

  /** Drops every cached guest response tagged {@code tag}. */
  void expireTag(String tag) {
    int removed = cache.expireTag(tag);
    LOG.log(
        Level.DEBUG, () -> "Storefront cache: expired tag '" + tag + "' (" + removed + " entries)");
  }

  void invalidateAll() {
    cache.invalidateAll();
  }

  CacheStats stats() {
    return new CacheStats(
        upstreamCalls.sum(),
        cache.hits(),
        cache.misses(),
        bypassed.sum(),
        cache.estimatedSize(),
        cache.evictions());
  }
}
