package dev.storefrontsession.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cookie value encoding as Auth.js and Next.js do it: values are written with JavaScript's {@code
 * encodeURIComponent}, and a value read from a request that contains {@code %} is decoded with
 * {@code decodeURIComponent}, keeping the raw value when it is not valid percent-encoding.
 */
public final class CookieValues {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private CookieValues() {}

  /** JavaScript's {@code encodeURIComponent}. */
  public static String encode(String value) {
    StringBuilder out = null;
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n + 16);
        out.append(value, 0, i);
      }
      int cp = value.codePointAt(i);
      if (Character.isSurrogate(c) && Character.charCount(cp) == 1) {
        cp = 0xFFFD; // a lone surrogate: JavaScript throws URIError; never produced by this project
      }
      if (Character.charCount(cp) == 2) {
        i++;
      }
      for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out == null ? value : out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '!'
        || c == '~'
        || c == '*'
        || c == '\''
        || c == '('
        || c == ')';
  }

  /**
   * The value of a request cookie: percent-decoded (UTF-8) when it contains {@code %}, the raw
   * value when it has none or the decoding fails (as the {@code cookie} library's {@code
   * tryDecode}).
   */
  public static String decode(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return raw;
    }
    String ascii = decodeAscii(raw);
    return ascii != null ? ascii : decodeUtf8(raw);
  }

  /**
   * The common case (every page view decodes the CSRF cookie's {@code %7C}): all of it ASCII. Null
   * when a character or an escape is not ASCII, or an escape is malformed; {@link #decodeUtf8} then
   * decides.
   */
  private static String decodeAscii(String raw) {
    int n = raw.length();
    char[] out = new char[n];
    int o = 0;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= n) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || hi > 7 || lo < 0) {
          return null;
        }
        out[o++] = (char) ((hi << 4) | lo);
        i += 2;
      } else if (c < 0x80) {
        out[o++] = c;
      } else {
        return null;
      }
    }
    return new String(out, 0, o);
  }

  // package-private for the test that compares both paths
  static String decodeUtf8(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= n) {
          return raw;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return raw;
        }
        bytes.write((hi << 4) | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < n) {
          utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.write(utf8, 0, utf8.length);
      }
    }
    byte[] decoded = bytes.toByteArray();
    java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
    try {
      return strict.decode(java.nio.ByteBuffer.wrap(decoded)).toString();
    } catch (java.nio.charset.CharacterCodingException notUtf8) {
      return raw; // decodeURIComponent throws URIError on invalid UTF-8
    }
  }
}
