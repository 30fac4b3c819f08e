package dev.storefrontsession.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CachePolicyTest {

  @Test
  void noStoreWhenDefaultThenDoesNotAllowStore() {
    assertThat(CachePolicy.noStore().allowsStore()).isFalse();
    assertThat(CachePolicy.noStore("cart").tags()).containsExactly("cart");
  }

  @Test
  void cachedWhenNoTtlThenClientDefault() {
    CachePolicy p = CachePolicy.cached("customer");
    assertThat(p.allowsStore()).isTrue();
    assertThat(p.ttl()).isNull();
    assertThat(p.tags()).containsExactly("customer");
  }

  @Test
  void cachedWhenTtlThenKept() {
    assertThat(CachePolicy.cached(Duration.ofSeconds(300), "a", "b").ttl())
        .isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void cachedWhenNonPositiveTtlOrBlankTagThenRejected() {
    assertThatThrownBy(() -> CachePolicy.cached(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CachePolicy.cached(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
