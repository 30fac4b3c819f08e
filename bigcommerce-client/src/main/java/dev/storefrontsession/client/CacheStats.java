package dev.storefrontsession.client;

/**
 * Counters of one client's guest cache and upstream traffic, since the client (or the client it was
 * derived from) was built.
 *
 * @param upstreamCalls HTTP requests sent to the Storefront API (cached or not)
 * @param hits cacheable calls answered from the cache, including calls that joined another caller's
 *     load
 * @param misses cacheable calls that had to load (one upstream call each)
 * @param bypassed calls not eligible for the cache (customer context, mutation, or no-store)
 * @param entries approximate number of entries in the cache now
 * @param evictions entries dropped because the cache was full or their TTL had passed
 */
public record CacheStats(
    long upstreamCalls, long hits, long misses, long bypassed, long entries, long evictions) {

  /** hits / (hits + misses), or 0 when there were no cacheable calls. */
  public double hitRate() {
    long total = hits + misses;
    return total == 0 ? 0 : (double) hits / total;
  }
}
