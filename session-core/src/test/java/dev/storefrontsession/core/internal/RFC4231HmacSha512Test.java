package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The HMAC-SHA-512 test cases of RFC 4231, section 4 (keys, data and the SHA-512 results, carried
 * over as test data). Each runs through the three ways the codec computes a MAC: {@link
 * HmacSha512#start()}, a {@link HmacSha512#prefixed} prototype (the JWE's constant header), and the
 * same instance reused.
 */
class RFC4231HmacSha512Test {

  private static final HexFormat HEX = HexFormat.of();

  /** 4.2: a 20-byte key of 0x0b. */
  @Test
  void testCase1() {
    check(
        repeat(0x0b, 20),
        ascii("Hi There"),
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
            + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
  }

  /** 4.3: a key shorter than the output length. */
  @Test
  void testCase2() {
    check(
        ascii("Jefe"),
        ascii("what do ya want for nothing?"),
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
            + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
  }

  /** 4.4: key and data of repeated bytes, 50 bytes of data. */
  @Test
  void testCase3() {
    check(
        repeat(0xaa, 20),
        repeat(0xdd, 50),
        "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
            + "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb");
  }

  /** 4.5: a 25-byte key 0x01..0x19. */
  @Test
  void testCase4() {
    byte[] key = new byte[25];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i + 1);
    }
    check(
        key,
        repeat(0xcd, 50),
        "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
            + "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd");
  }

  /** 4.6: the RFC gives the output truncated to 128 bits only. */
  @Test
  void testCase5TruncatedTo128Bits() {
    byte[] mac = macVariants(repeat(0x0c, 20), ascii("Test With Truncation"));
    assertThat(HEX.formatHex(Arrays.copyOf(mac, 16))).isEqualTo("415fad6271580a531d4179bc891d87a6");
  }

  /**
   * 4.7: a 131-byte key, longer than SHA-512's 128-byte block, so the key is hashed first (RFC
   * 2104).
   */
  @Test
  void testCase6KeyLongerThanTheBlock() {
    check(
        repeat(0xaa, 131),
        ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
            + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
  }

  /** 4.8: a key and data both longer than the block. */
  @Test
  void testCase7KeyAndDataLongerThanTheBlock() {
    check(
        repeat(0xaa, 131),
        ascii(
            "This is a test using a larger than block-size key and a larger than block-size data. The key needs"
                + " to be hashed before being used by the HMAC algorithm."),
        "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
            + "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58");
  }

  private static void check(byte[] key, byte[] data, String expectedHex) {
    assertThat(HEX.formatHex(macVariants(key, data))).isEqualTo(expectedHex);
  }

  /** The MAC computed the three ways; they must agree, and the first is returned. */
  private static byte[] macVariants(byte[] key, byte[] data) {
    HmacSha512 hmac = new HmacSha512(key);

    byte[] plain = new byte[HmacSha512.LENGTH];
    MessageDigest inner = hmac.start();
    inner.update(data);
    hmac.finish(inner, plain, 0);

    int split = data.length / 2;
    MessageDigest prototype = hmac.prefixed(Arrays.copyOf(data, split));
    byte[] prefixed = new byte[HmacSha512.LENGTH + 3];
    MessageDigest fromPrototype = hmac.start(prototype);
    fromPrototype.update(data, split, data.length - split);
    hmac.finish(fromPrototype, prefixed, 3);

    byte[] again = new byte[HmacSha512.LENGTH];
    MessageDigest second = hmac.start();
    second.update(data);
    hmac.finish(second, again, 0);

    assertThat(Arrays.copyOfRange(prefixed, 3, prefixed.length))
        .as("via a prefixed prototype")
        .isEqualTo(plain);
    assertThat(again).as("the same instance again").isEqualTo(plain);
    return plain;
  }

  private static byte[] repeat(int value, int count) {
    byte[] bytes = new byte[count];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
