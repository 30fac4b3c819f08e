package dev.storefrontsession.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeRedirectsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/account/orders|/account/orders",
        "/account/orders?tab=recent&x=%2F|/account/orders?tab=recent&x=%2F",
        "https://evil.example/steal?x=1|/steal?x=1",
        "https://evil.example|/",
        "http://127.0.0.1:8080/cart|/cart",
        "//evil.example/path|/path",
        "/\\evil.example|/fallback",
        "\\\\evil.example|/fallback",
        "javascript:alert(1)|/fallback",
        "relative/path|/fallback",
        "/a/../b|/a/../b",
        "'   '|/fallback",
        "/ok#fragment|/ok",
        "https://user@evil.example//double|/fallback"
      })
  void pathAndQueryWhenTargetGivenThenOnlyALocalPathComesBack(String target, String expected) {
    assertThat(SafeRedirects.pathAndQuery(target, "/fallback")).isEqualTo(expected);
  }

  @Test
  void pathAndQueryWhenNullThenFallback() {
    assertThat(SafeRedirects.pathAndQuery(null, "/fallback")).isEqualTo("/fallback");
    assertThat(SafeRedirects.pathAndQuery(null)).isEqualTo("/");
  }

  @Test
  void pathAndQueryWhenControlCharacterThenFallback() {
    assertThat(SafeRedirects.pathAndQuery("/a\r\nSet-Cookie: x=y", "/fallback"))
        .isEqualTo("/fallback");
  }
}
