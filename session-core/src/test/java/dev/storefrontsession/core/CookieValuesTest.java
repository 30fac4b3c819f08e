package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieValuesTest {

  @Test
  void encodeWhenReservedOrNonAsciiThenPercentEncodedLikeEncodeUriComponent() {
    assertThat(CookieValues.encode("https://shop.example/a b?x=1&y=é"))
        .isEqualTo("https%3A%2F%2Fshop.example%2Fa%20b%3Fx%3D1%26y%3D%C3%A9");
    assertThat(CookieValues.encode("A-z_0.9!~*'()")).isEqualTo("A-z_0.9!~*'()");
    assertThat(CookieValues.encode("🎉")).isEqualTo("%F0%9F%8E%89");
  }

  @Test
  void decodeWhenPercentEncodedThenDecoded() {
    assertThat(CookieValues.decode("abc%7Cdef")).isEqualTo("abc|def");
    assertThat(CookieValues.decode("https%3A%2F%2Fshop.example%2F%C3%A9")).isEqualTo("https://shop.example/é");
  }

  @Test
  void decodeWhenNoPercentOrInvalidEncodingThenRawValue() {
    assertThat(CookieValues.decode("plain+value")).isEqualTo("plain+value");
    assertThat(CookieValues.decode("%")).isEqualTo("%");
    assertThat(CookieValues.decode("%A")).isEqualTo("%A");
    assertThat(CookieValues.decode("%ZZ")).isEqualTo("%ZZ");
    assertThat(CookieValues.decode("%C3")).isEqualTo("%C3");
    assertThat(CookieValues.decode(null)).isNull();
  }

  @Test
  void decodeWhenEncodedByEncodeThenOriginal() {
    String value = "token|hash é 🎉 %";
    assertThat(CookieValues.decode(CookieValues.encode(value))).isEqualTo(value);
  }
}
