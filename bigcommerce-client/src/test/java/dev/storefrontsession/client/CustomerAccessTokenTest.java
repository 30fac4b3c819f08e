package dev.storefrontsession.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CustomerAccessTokenTest {

  private static final Instant EXPIRY = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void isExpiredWhenNowBeforeExpiryThenFalse() {
    assertThat(
            new CustomerAccessToken("t", EXPIRY)
                .isExpired(Clock.fixed(EXPIRY.minusSeconds(1), ZoneOffset.UTC)))
        .isFalse();
  }

  @Test
  void isExpiredWhenNowAtOrAfterExpiryThenTrue() {
    assertThat(new CustomerAccessToken("t", EXPIRY).isExpired(Clock.fixed(EXPIRY, ZoneOffset.UTC)))
        .isTrue();
  }

  @Test
  void isExpiredWhenExpiryUnknownThenFalse() {
    assertThat(new CustomerAccessToken("t", null).isExpired(Clock.fixed(EXPIRY, ZoneOffset.UTC)))
        .isFalse();
  }

  @Test
  void constructorWhenBlankOrControlCharactersThenRejected() {
    assertThatThrownBy(() -> new CustomerAccessToken(" ", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CustomerAccessToken("abc\ndef", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abc");
  }

  @Test
  void toStringWhenCalledThenValueRedacted() {
    assertThat(new CustomerAccessToken("secret-cat-value", EXPIRY).toString())
        .doesNotContain("secret-cat-value")
        .contains("<redacted>")
        .contains("2026-01-01T00:00:00Z");
  }
}
