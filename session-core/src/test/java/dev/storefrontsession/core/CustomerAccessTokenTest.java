package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerAccessTokenTest {

  @Test
  void isExpiredAtWhenExpiryKnownThenComparedElseNeverExpired() {
    CustomerAccessToken cat = new CustomerAccessToken("v", Instant.ofEpochSecond(100));
    assertThat(cat.isExpiredAt(Instant.ofEpochSecond(99))).isFalse();
    assertThat(cat.isExpiredAt(Instant.ofEpochSecond(100))).isTrue();
    assertThat(new CustomerAccessToken("v", null).isExpiredAt(Instant.MAX)).isFalse();
  }

  @Test
  void toStringWhenPrintedThenValueRedacted() {
    assertThat(new CustomerAccessToken("cat-secret-value", null).toString())
        .doesNotContain("cat-secret-value");
  }

  @Test
  void constructorWhenEmptyValueThenRefused() {
    assertThatThrownBy(() -> new CustomerAccessToken("", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
