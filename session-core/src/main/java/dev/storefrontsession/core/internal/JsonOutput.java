package dev.storefrontsession.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A growable UTF-8 byte buffer with a JSON writer that serializes like JavaScript's {@code
 * JSON.stringify}: no whitespace, members in map order, only {@code "}, {@code \}, control
 * characters and lone surrogates escaped, infinities as {@code null}. Values are those produced by
 * {@link JsonValues#normalize}. Not thread-safe; reusable after {@link #reset()}.
 */
public final class JsonOutput {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private byte[] buf;
  private int len;

  public JsonOutput(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public void reset() {
    len = 0;
  }

  public int length() {
    return len;
  }

  /** The backing array; valid bytes are {@code [0, length())}. */
  public byte[] buffer() {
    return buf;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  public String toUtf8String() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  public void writeByte(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  private void writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  /** Writes a JSON value: null, String, Boolean, Long, Double, List or Map with String keys. */
  public void writeValue(Object value) {
    if (value == null) {
      writeBytes(NULL);
    } else if (value instanceof String s) {
      writeString(s);
    } else if (value instanceof Long l) {
      writeLong(l);
    } else if (value instanceof Map<?, ?> map) {
      writeByte('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          writeByte(',');
        }
        first = false;
        writeString((String) entry.getKey());
        writeByte(':');
        writeValue(entry.getValue());
      }
      writeByte('}');
    } else if (value instanceof List<?> list) {
      writeByte('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          writeByte(',');
        }
        writeValue(list.get(i));
      }
      writeByte(']');
    } else if (value instanceof Boolean b) {
      writeBytes(b ? TRUE : FALSE);
    } else if (value instanceof Double d) {
      writeDouble(d);
    } else if (value instanceof Number n) {
      writeValue(JsonValues.normalize(n));
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  public void writeLong(long value) {
    if (value >= 0 && value < 10) {
      writeByte('0' + (int) value);
      return;
    }
    ensure(20);
    if (value == Long.MIN_VALUE) {
      writeBytes(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    if (value < 0) {
      buf[len++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long v = value / 10; v != 0; v /= 10) {
      digits++;
    }
    int end = len + digits;
    for (int i = end - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + (value % 10));
      value /= 10;
    }
    len = end;
  }

  private void writeDouble(double d) {
    if (Double.isNaN(d)) {
      throw new IllegalArgumentException("JSON has no NaN"); // never parsed: a caller's bug
    }
    if (Double.isInfinite(d)) {
      writeBytes(NULL); // as JSON.stringify writes the infinities JSON.parse makes of huge literals
      return;
    }
    if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
      writeLong((long) d);
    } else {
      writeBytes(JavaScriptNumbers.toString(d).getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** Writes a JSON string literal, UTF-8 encoded. */
  public void writeString(String s) {
    int n = s.length();
    ensure(n + 2);
    buf[len++] = '"';
    int i = 0;
    // Fast path: a run of printable ASCII needing no escape is copied in bulk.
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        break;
      }
      i++;
    }
    if (i > 0) {
      copyAscii(s, i);
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        ensure(1);
        buf[len++] = (byte) c;
      } else if (c < 0x20 || c == '"' || c == '\\') {
        writeEscape(c);
      } else if (c < 0x800) {
        ensure(2);
        buf[len++] = (byte) (0xc0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        ensure(4);
        buf[len++] = (byte) (0xf0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        writeUnicodeEscape(c); // lone surrogate, as JSON.stringify does
      } else {
        ensure(3);
        buf[len++] = (byte) (0xe0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    ensure(1);
    buf[len++] = '"';
  }

  @SuppressWarnings(
      "deprecation") // exactly right for ASCII, and a plain array copy for Latin-1 strings
  private void copyAscii(String s, int count) {
    s.getBytes(0, count, buf, len);
    len += count;
  }

  private void writeEscape(char c) {
    ensure(2);
    switch (c) {
      case '"' -> {
        buf[len++] = '\\';
        buf[len++] = '"';
      }
      case '\\' -> {
        buf[len++] = '\\';
        buf[len++] = '\\';
      }
      case '\b' -> {
        buf[len++] = '\\';
        buf[len++] = 'b';
      }
      case '\f' -> {
        buf[len++] = '\\';
        buf[len++] = 'f';
      }
      case '\n' -> {
        buf[len++] = '\\';
        buf[len++] = 'n';
      }
      case '\r' -> {
        buf[len++] = '\\';
        buf[len++] = 'r';
      }
      case '\t' -> {
        buf[len++] = '\\';
        buf[len++] = 't';
      }
      default -> writeUnicodeEscape(c);
    }
  }

  private void writeUnicodeEscape(char c) {
    ensure(6);
    buf[len++] = '\\';
    buf[len++] = 'u';
    buf[len++] = HEX[(c >> 12) & 0xf];
    buf[len++] = HEX[(c >> 8) & 0xf];
    buf[len++] = HEX[(c >> 4) & 0xf];
    buf[len++] = HEX[c & 0xf];
  }
}
