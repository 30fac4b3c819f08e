package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5869 Appendix A, the HKDF-SHA256 test cases 1-3. */
class HkdfTest {

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  @Test
  void sha256WhenRfc5869TestCase1ThenOkm() {
    byte[] okm =
        Hkdf.sha256(
            hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
            hex("000102030405060708090a0b0c"),
            hex("f0f1f2f3f4f5f6f7f8f9"),
            42);
    assertThat(okm)
        .isEqualTo(
            hex(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
  }

  @Test
  void sha256WhenRfc5869TestCase2LongInputsThenOkm() {
    byte[] ikm = new byte[80];
    byte[] salt = new byte[80];
    byte[] info = new byte[80];
    for (int i = 0; i < 80; i++) {
      ikm[i] = (byte) i;
      salt[i] = (byte) (0x60 + i);
      info[i] = (byte) (0xb0 + i);
    }
    assertThat(Hkdf.sha256(ikm, salt, info, 82))
        .isEqualTo(
            hex(
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                    + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                    + "cc30c58179ec3e87c14c01d5c1f3434f1d87"));
  }

  @Test
  void sha256WhenRfc5869TestCase3EmptySaltAndInfoThenOkm() {
    byte[] okm =
        Hkdf.sha256(
            hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), new byte[0], new byte[0], 42);
    assertThat(okm)
        .isEqualTo(
            hex(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
  }

  @Test
  void sha256WhenShorterLengthThenPrefixOfLonger() {
    byte[] ikm = hex("00112233");
    byte[] longer = Hkdf.sha256(ikm, hex("aa"), hex("bb"), 64);
    assertThat(Hkdf.sha256(ikm, hex("aa"), hex("bb"), 32))
        .isEqualTo(java.util.Arrays.copyOf(longer, 32));
  }

  @Test
  void sha256WhenLengthAboveLimitThenRefused() {
    assertThatThrownBy(() -> Hkdf.sha256(new byte[1], new byte[1], new byte[0], 255 * 32 + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
