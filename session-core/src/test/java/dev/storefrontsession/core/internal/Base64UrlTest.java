package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64UrlTest {

  @Test
  void encodeWhenAnyLengthThenSameAsJdkUnpaddedUrlEncoder() {
    Random random = new Random(7);
    for (int n = 0; n < 100; n++) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      assertThat(Base64Url.encode(bytes)).isEqualTo(expected);
      assertThat(Base64Url.encodedLength(n)).isEqualTo(expected.length());
      assertThat(Base64Url.decode(expected)).isEqualTo(bytes);
    }
  }

  @Test
  void decodeWhenNonZeroUnusedBitsThenRejectedSoEachValueHasOneEncoding() {
    assertThat(Base64Url.decode("AA")).containsExactly(0);
    assertThat(Base64Url.decode("AB")).isNull();
    assertThat(Base64Url.decode("AAA")).containsExactly(0, 0);
    assertThat(Base64Url.decode("AAB")).isNull();
  }

  @Test
  void decodeWhenPaddingStandardAlphabetWhitespaceOrBadLengthThenNull() {
    assertThat(Base64Url.decode("AA==")).isNull();
    assertThat(Base64Url.decode("a+b/")).isNull();
    assertThat(Base64Url.decode("AA AA")).isNull();
    assertThat(Base64Url.decode("AAAAA")).isNull();
    assertThat(Base64Url.decode("AAé")).isNull();
  }

  @Test
  void decodeWhenEmptyThenEmpty() {
    assertThat(Base64Url.decode("")).isEmpty();
  }
}
