package dev.storefrontsession.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.GraphQLError;
import dev.storefrontsession.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class GuestCacheTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final GuestCache cache = new GuestCache(100, clock);

  private static CacheKey key(String document) {
    return new CacheKey("http://x/graphql", 1, "en", document, "{}");
  }

  private static ParsedResponse response(String value) {
    return new ParsedResponse(
        JsonNodeFactory.instance.objectNode().put("v", value), List.of(), OptionalInt.empty());
  }

  private static GuestCache.Entry entry(String value, Duration ttl, String... tags) {
    return new GuestCache.Entry(response(value), ttl, Set.of(tags));
  }

  @Test
  void getWhenSameKeyWhileLoadInFlightThenOneLoadShared() {
    AtomicInteger loads = new AtomicInteger();
    CompletableFuture<GuestCache.Entry> pending = new CompletableFuture<>();
    GuestCache.Lookup first =
        cache.get(
            key("q"),
            () -> {
              loads.incrementAndGet();
              return pending;
            });
    GuestCache.Lookup second =
        cache.get(
            key("q"),
            () -> {
              loads.incrementAndGet();
              return CompletableFuture.completedFuture(entry("other", Duration.ofHours(1)));
            });
    pending.complete(entry("one", Duration.ofHours(1)));
    assertThat(loads).hasValue(1);
    assertThat(first.loaded()).isTrue();
    assertThat(second.loaded()).isFalse();
    assertThat(second.future().join().response().data().get("v").stringValue()).isEqualTo("one");
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(1);
  }

  @Test
  void getWhenDifferentKeysThenSeparateLoads() {
    cache.get(key("a"), () -> CompletableFuture.completedFuture(entry("a", Duration.ofHours(1))));
    GuestCache.Lookup b =
        cache.get(
            key("b"), () -> CompletableFuture.completedFuture(entry("b", Duration.ofHours(1))));
    assertThat(b.loaded()).isTrue();
    assertThat(cache.misses()).isEqualTo(2);
  }

  @Test
  void getWhenTtlPassedThenLoadsAgain() {
    cache.get(
        key("q"), () -> CompletableFuture.completedFuture(entry("old", Duration.ofSeconds(300))));
    clock.advance(Duration.ofSeconds(299));
    assertThat(
            cache
                .get(
                    key("q"),
                    () -> CompletableFuture.completedFuture(entry("new", Duration.ofSeconds(300))))
                .loaded())
        .isFalse();
    clock.advance(Duration.ofSeconds(2));
    GuestCache.Lookup after =
        cache.get(
            key("q"),
            () -> CompletableFuture.completedFuture(entry("new", Duration.ofSeconds(300))));
    assertThat(after.loaded()).isTrue();
    assertThat(after.future().join().response().data().get("v").stringValue()).isEqualTo("new");
  }

  @Test
  void getWhenLoadFailedThenNotKept() {
    cache.get(key("q"), () -> CompletableFuture.failedFuture(new IllegalStateException("down")));
    assertThat(
            cache
                .get(
                    key("q"),
                    () -> CompletableFuture.completedFuture(entry("ok", Duration.ofHours(1))))
                .loaded())
        .isTrue();
  }

  @Test
  void getWhenResponseHasErrorsThenWaitersGetItButItIsNotKept() {
    ParsedResponse withErrors =
        new ParsedResponse(
            JsonNodeFactory.instance.nullNode(),
            List.of(new GraphQLError("boom", null, null, null)),
            OptionalInt.empty());
    CompletableFuture<GuestCache.Entry> pending = new CompletableFuture<>();
    cache.get(key("q"), () -> pending);
    GuestCache.Lookup waiter =
        cache.get(
            key("q"), () -> CompletableFuture.completedFuture(entry("x", Duration.ofHours(1))));
    pending.complete(GuestCache.Entry.uncacheable(withErrors));
    assertThat(waiter.future().join().response()).isSameAs(withErrors);
    assertThat(
            cache
                .get(
                    key("q"),
                    () -> CompletableFuture.completedFuture(entry("ok", Duration.ofHours(1))))
                .loaded())
        .isTrue();
  }

  @Test
  void getWhenLoadFailedAsValueThenWaitersGetFailureAndItIsNotKept() {
    IllegalStateException failure = new IllegalStateException("upstream down");
    GuestCache.Lookup first =
        cache.get(
            key("q"), () -> CompletableFuture.completedFuture(GuestCache.Entry.failed(failure)));
    assertThat(first.future().join().failure()).isSameAs(failure);
    assertThat(first.future().join().cacheable()).isFalse();
    assertThat(
            cache
                .get(
                    key("q"),
                    () -> CompletableFuture.completedFuture(entry("ok", Duration.ofHours(1))))
                .loaded())
        .isTrue();
  }

  @Test
  void getWhenLoaderThrowsThenFailedFutureAndNotKept() {
    GuestCache.Lookup first =
        cache.get(
            key("q"),
            () -> {
              throw new IllegalArgumentException("bad");
            });
    assertThat(first.future()).isCompletedExceptionally();
    assertThat(cache.estimatedSize()).isZero();
  }

  @Test
  void expireTagWhenTaggedEntriesThenOnlyThoseDropped() {
    cache.get(
        key("cart"),
        () -> CompletableFuture.completedFuture(entry("c", Duration.ofHours(1), "cart")));
    cache.get(
        key("cust"),
        () -> CompletableFuture.completedFuture(entry("u", Duration.ofHours(1), "customer", "x")));
    cache.get(
        key("none"), () -> CompletableFuture.completedFuture(entry("n", Duration.ofHours(1))));
    assertThat(cache.expireTag("customer")).isEqualTo(1);
    assertThat(
            cache
                .get(
                    key("cust"),
                    () -> CompletableFuture.completedFuture(entry("u2", Duration.ofHours(1))))
                .loaded())
        .isTrue();
    assertThat(
            cache
                .get(
                    key("cart"),
                    () -> CompletableFuture.completedFuture(entry("c2", Duration.ofHours(1))))
                .loaded())
        .isFalse();
    assertThat(
            cache
                .get(
                    key("none"),
                    () -> CompletableFuture.completedFuture(entry("n2", Duration.ofHours(1))))
                .loaded())
        .isFalse();
  }

  @Test
  void expireTagWhenLoadInFlightThenNextCallerLoadsAfresh() {
    CompletableFuture<GuestCache.Entry> pending = new CompletableFuture<>();
    cache.get(key("q"), () -> pending);
    cache.expireTag("cart");
    GuestCache.Lookup after =
        cache.get(
            key("q"), () -> CompletableFuture.completedFuture(entry("fresh", Duration.ofHours(1))));
    assertThat(after.loaded()).isTrue();
    pending.complete(entry("stale", Duration.ofHours(1), "cart"));
  }

  @Test
  void invalidateAllWhenEntriesThenEmpty() {
    cache.get(key("a"), () -> CompletableFuture.completedFuture(entry("a", Duration.ofHours(1))));
    cache.invalidateAll();
    assertThat(cache.estimatedSize()).isZero();
  }
}
