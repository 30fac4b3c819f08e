package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionSecretTest {

  @Test
  void toStringWhenPrintedThenRedacted() {
    assertThat(SessionSecret.of("top-secret").toString()).isEqualTo("<redacted>");
  }

  @Test
  void utf8BytesWhenNonAsciiSecretThenUtf8OfStringAsAuthJs() {
    assertThat(SessionSecret.of("é").utf8Bytes()).containsExactly(0xc3, 0xa9);
  }

  @Test
  void equalsWhenSameValueThenEqual() {
    assertThat(SessionSecret.of("a"))
        .isEqualTo(SessionSecret.of("a"))
        .isNotEqualTo(SessionSecret.of("b"));
  }

  @Test
  void ofWhenNullOrEmptyThenRefusedWithoutEcho() {
    assertThatThrownBy(() -> SessionSecret.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionSecret.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
