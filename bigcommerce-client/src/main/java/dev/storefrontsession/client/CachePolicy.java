package dev.storefrontsession.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a call's response may be kept in the client's guest cache. Only guest queries are ever
 * cached: a call with a customer context or a mutation is sent upstream whatever its policy says.
 *
 * <p>Tags name groups of entries that {@link StorefrontClient#expireTag(String)} drops together
 * (Catalyst uses {@code customer}, {@code cart}, {@code checkout}).
 */
public final class CachePolicy {

  private static final CachePolicy NO_STORE = new CachePolicy(false, null, Set.of());

  private final boolean store;
  private final Duration ttl;
  private final Set<String> tags;

  private CachePolicy(boolean store, Duration ttl, Set<String> tags) {
    this.store = store;
    this.ttl = ttl;
    this.tags = tags;
  }

  /** Never cached; the shopper's IP is forwarded. The default for every call. */
  public static CachePolicy noStore() {
    return NO_STORE;
  }

  /**
   * Cached for the client's default TTL (3600 s unless configured) when the call is a guest query.
   */
  public static CachePolicy cached(String... tags) {
    return new CachePolicy(true, null, tagSet(tags));
  }

  /** Cached for {@code ttl} when the call is a guest query. */
  public static CachePolicy cached(Duration ttl, String... tags) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("cache TTL must be positive, was " + ttl);
    }
    return new CachePolicy(true, ttl, tagSet(tags));
  }

  /**
   * Tags only: not cached, but documents which tags the data belongs to (as Catalyst does under
   * no-store).
   */
  public static CachePolicy noStore(String... tags) {
    return new CachePolicy(false, null, tagSet(tags));
  }

  private static Set<String> tagSet(String... tags) {
    for (String tag : tags) {
      if (tag == null || tag.isBlank()) {
        throw new IllegalArgumentException("cache tags must not be blank");
      }
    }
    return Set.copyOf(new LinkedHashSet<>(Arrays.asList(tags)));
  }

  /** True when the caller allows caching (still subject to the guest-query rule). */
  public boolean allowsStore() {
    return store;
  }

  /** The per-call TTL, or null for the client's default. */
  public Duration ttl() {
    return ttl;
  }

  public Set<String> tags() {
    return tags;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CachePolicy other
        && store == other.store
        && Objects.equals(ttl, other.ttl)
        && tags.equals(other.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(store, ttl, tags);
  }

  @Override
  public String toString() {
    return store
        ? "cached(" + (ttl == null ? "default TTL" : ttl) + ", tags=" + tags + ")"
        : "noStore(tags=" + tags + ")";
  }
}
