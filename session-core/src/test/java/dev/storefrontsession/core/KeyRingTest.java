package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  @Test
  void ofWhenNewestAndOlderThenNewestFirst() {
    KeyRing ring = KeyRing.of("new", "mid", "old");
    assertThat(ring.newest().reveal()).isEqualTo("new");
    assertThat(ring.secrets())
        .extracting(SessionSecret::reveal)
        .containsExactly("new", "mid", "old");
  }

  @Test
  void ofWhenEmptyOrNullSecretsThenRefused() {
    assertThatThrownBy(() -> KeyRing.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyRing.of("a", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyRing.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void authJsSecretStringWhenOneOrManyThenStringOfJavaScriptArray() {
    assertThat(KeyRing.of("a").authJsSecretString()).isEqualTo("a");
    assertThat(KeyRing.of("a", "b").authJsSecretString()).isEqualTo("a,b");
  }

  @Test
  void toStringWhenPrintedThenRedacted() {
    assertThat(KeyRing.of("top-secret").toString()).isEqualTo("<redacted>");
  }
}
