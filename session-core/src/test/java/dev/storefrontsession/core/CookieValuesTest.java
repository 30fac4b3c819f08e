package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
    assertThat(CookieValues.decode("https%3A%2F%2Fshop.example%2F%C3%A9"))
        .isEqualTo("https://shop.example/é");
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

  @Property(tries = 3000)
  void decodeWhenAnyValueThenSameAsTheGeneralUtf8Path(@ForAll("cookieLike") String raw) {
    assertThat(CookieValues.decode(raw)).isEqualTo(CookieValues.decodeUtf8(raw));
  }

  @Property(tries = 1000)
  void decodeWhenEncodedThenOriginal(@ForAll String value) {
    String encoded = CookieValues.encode(value);
    // lone surrogates are written as U+FFFD (JavaScript would throw)
    if (value.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
      assertThat(CookieValues.decode(encoded)).isEqualTo(value);
    }
  }

  /** Percent escapes (valid, non-ASCII, malformed), ASCII and a few non-ASCII characters, mixed. */
  @Provide
  Arbitrary<String> cookieLike() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "%7C",
                "%7c",
                "%20",
                "%C3%A9",
                "%C3",
                "%E2%82%AC",
                "%F0%9F%8E%89",
                "%",
                "%Z1",
                "%7",
                "%80",
                "%FF",
                "%00"),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8),
            Arbitraries.of("\u00e9", "\u20ac", "\ud83c\udf89"));
    return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
  }
}
