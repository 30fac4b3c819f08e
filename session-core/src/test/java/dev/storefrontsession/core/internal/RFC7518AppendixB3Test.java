package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.core.RejectionReason;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * RFC 7518 Appendix B.3: the AEAD_AES_256_CBC_HMAC_SHA_512 (A256CBC-HS512) test case, both
 * directions.
 */
class RFC7518AppendixB3Test {

  static final HexFormat HEX = HexFormat.of();
  static final byte[] K =
      hex(
          "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
              + "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
  static final byte[] P =
      hex(
          "41206369706865722073797374656d206d757374206e6f742062652072657175"
              + "6972656420746f206265207365637265742c20616e64206974206d7573742062"
              + "652061626c6520746f2066616c6c20696e746f207468652068616e6473206f66"
              + "2074686520656e656d7920776974686f757420696e636f6e76656e69656e6365");
  static final byte[] IV = hex("1af38c2dc2b96ffdd86694092341bc04");
  static final byte[] A =
      hex(
          "546865207365636f6e64207072696e6369706c65206f66204175677573746520"
              + "4b6572636b686f666673");
  static final byte[] E =
      hex(
          "4affaaadb78c31c5da4b1b590d10ffbd3dd8d5d302423526912da037ecbcc7bd"
              + "822c301dd67c373bccb584ad3e9279c2e6d12a1374b77f077553df829410446b"
              + "36ebd97066296ae6427ea75c2e0846a11a09ccf5370dc80bfecbad28c73f09b3"
              + "a3b75e662a2594410ae496b2e2e6609e31e6e02cc837f053d21f37ff4f51950b"
              + "be2638d09dd7a4930930806d0703b1f6");
  static final byte[] T = hex("4dd3b4c088a7f45c216839645b2012bf2e6269a8c56a816dbc1b267761955bc5");

  static byte[] hex(String hex) {
    return HEX.parseHex(hex);
  }

  final ContentKey key = ContentKey.fromRaw(ContentKey.Enc.A256CBC_HS512, K);
  final CryptoWorkspace workspace = new CryptoWorkspace(new SecureRandom());

  @Test
  void sealCbcHs512WhenAppendixB3InputsThenCiphertextAndTag() {
    byte[] sealed = AuthJsJwe.sealCbcHs512(key, A, IV, P, workspace);
    assertThat(Arrays.copyOf(sealed, E.length)).isEqualTo(E);
    assertThat(Arrays.copyOfRange(sealed, E.length, sealed.length)).isEqualTo(T);
  }

  @Test
  void openCbcHs512WhenAppendixB3CiphertextThenPlaintext() {
    AuthJsJwe.Plaintext plaintext =
        AuthJsJwe.openCbcHs512(key, A, 0, A.length, IV, E, T, workspace, null);
    assertThat(Arrays.copyOf(plaintext.bytes(), plaintext.length())).isEqualTo(P);
  }

  @Test
  void openCbcHs512WhenAnyTagBitFlippedThenDecryptionFailed() {
    for (int bit = 0; bit < T.length * 8; bit += 7) {
      byte[] tag = T.clone();
      tag[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(
              () -> AuthJsJwe.openCbcHs512(key, A, 0, A.length, IV, E, tag, workspace, null))
          .isInstanceOfSatisfying(
              JweRejection.class,
              r -> assertThat(r.reason()).isEqualTo(RejectionReason.DECRYPTION_FAILED));
    }
  }

  @Test
  void openCbcHs512WhenAadOrIvChangedThenDecryptionFailed() {
    byte[] aad = A.clone();
    aad[0] ^= 1;
    byte[] iv = IV.clone();
    iv[15] ^= 1;
    assertThatThrownBy(
            () -> AuthJsJwe.openCbcHs512(key, aad, 0, aad.length, IV, E, T, workspace, null))
        .isInstanceOf(JweRejection.class);
    assertThatThrownBy(() -> AuthJsJwe.openCbcHs512(key, A, 0, A.length, iv, E, T, workspace, null))
        .isInstanceOf(JweRejection.class);
  }

  @Test
  void openCbcHs512WhenTagTruncatedTo16BytesThenDecryptionFailed() {
    assertThatThrownBy(
            () ->
                AuthJsJwe.openCbcHs512(
                    key, A, 0, A.length, IV, E, Arrays.copyOf(T, 16), workspace, null))
        .isInstanceOfSatisfying(
            JweRejection.class,
            r -> assertThat(r.reason()).isEqualTo(RejectionReason.DECRYPTION_FAILED));
  }

  @Test
  void fromRawWhenKeyLengthWrongForEncThenRefused() {
    assertThatThrownBy(() -> ContentKey.fromRaw(ContentKey.Enc.A256CBC_HS512, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64-byte");
    assertThatThrownBy(() -> ContentKey.fromRaw(ContentKey.Enc.A256GCM, new byte[64]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-byte");
  }
}
