package dev.storefrontsession.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) parser over UTF-8 bytes that accepts exactly what {@code jose} (and so
 * Auth.js) accepts for a JWT's claims and header: {@code JSON.parse(new TextDecoder("utf-8",
 * {fatal: true}).decode(bytes))}. So the bytes must be well-formed UTF-8 (no stray or overlong
 * bytes, no encoded surrogates, nothing beyond U+10FFFF), one leading byte-order mark is skipped,
 * and the result has JavaScript's semantics: duplicate names keep their first position and last
 * value, names that are array indices come first in ascending order (as in any JavaScript object),
 * numbers beyond the double range are infinities. Produces the value model of {@link JsonValues}.
 * Nesting is limited to {@link #MAX_DEPTH}, where JavaScript has no limit. Error messages give a
 * position, never content. Stateless and thread-safe.
 */
public final class JsonParser {

  /**
   * Deeper nesting is refused: the parser, the writer and equality recurse, and hostile input must
   * not overflow the stack. Session claims nest two levels deep.
   */
  public static final int MAX_DEPTH = 64;

  private final byte[] in;
  private final int end;
  private int pos;

  private JsonParser(byte[] in, int offset, int length) {
    this.in = in;
    this.pos = offset;
    this.end = offset + length;
  }

  /**
   * Parses one JSON text from bytes as {@code TextDecoder} (fatal, one leading byte-order mark
   * skipped) and then {@code JSON.parse} would.
   *
   * @throws IllegalArgumentException when the bytes are not well-formed UTF-8 or not exactly one
   *     JSON value
   */
  public static Object parse(byte[] utf8, int offset, int length) {
    JsonParser parser = new JsonParser(utf8, offset, length);
    if (length >= 3
        && utf8[offset] == (byte) 0xEF
        && utf8[offset + 1] == (byte) 0xBB
        && utf8[offset + 2] == (byte) 0xBF) {
      parser.pos += 3;
    }
    parser.skipWhitespace();
    Object value = parser.readValue(0);
    parser.skipWhitespace();
    if (parser.pos != parser.end) {
      throw parser.error("unexpected data after the JSON value");
    }
    return value;
  }

  /**
   * Parses one JSON text as {@code JSON.parse(json)} would (a leading U+FEFF is not whitespace
   * there).
   */
  public static Object parse(String json) {
    if (!json.isEmpty() && json.charAt(0) == '\uFEFF') {
      throw new IllegalArgumentException("invalid JSON at byte 0: unexpected character");
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length);
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("invalid JSON at byte " + pos + ": " + what);
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte b = in[pos];
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        pos++;
      } else {
        return;
      }
    }
  }

  private Object readValue(int depth) {
    if (pos >= end) {
      throw error("unexpected end");
    }
    byte b = in[pos];
    switch (b) {
      case '"':
        return readString();
      case '{':
        return readObject(depth + 1);
      case '[':
        return readArray(depth + 1);
      case 't':
        expectLiteral("true");
        return Boolean.TRUE;
      case 'f':
        expectLiteral("false");
        return Boolean.FALSE;
      case 'n':
        expectLiteral("null");
        return null;
      default:
        if (b == '-' || (b >= '0' && b <= '9')) {
          return readNumber();
        }
        throw error("unexpected character");
    }
  }

  private void expectLiteral(String literal) {
    int n = literal.length();
    if (end - pos < n) {
      throw error("unexpected end");
    }
    for (int i = 0; i < n; i++) {
      if (in[pos + i] != literal.charAt(i)) {
        throw error("unexpected character");
      }
    }
    pos += n;
  }

  private Map<String, Object> readObject(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested too deeply");
    }
    pos++; // {
    Map<String, Object> map = new LinkedHashMap<>(16);
    skipWhitespace();
    if (pos < end && in[pos] == '}') {
      pos++;
      return Collections.unmodifiableMap(map);
    }
    boolean indexNames = false;
    while (true) {
      skipWhitespace();
      if (pos >= end || in[pos] != '"') {
        throw error("expected a member name");
      }
      String key = readKey();
      indexNames = indexNames || JsonValues.isArrayIndex(key);
      skipWhitespace();
      if (pos >= end || in[pos] != ':') {
        throw error("expected ':'");
      }
      pos++;
      skipWhitespace();
      map.put(key, readValue(depth));
      skipWhitespace();
      if (pos >= end) {
        throw error("unexpected end");
      }
      byte b = in[pos++];
      if (b == '}') {
        return Collections.unmodifiableMap(indexNames ? JsonValues.inJavaScriptOrder(map) : map);
      }
      if (b != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> readArray(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested too deeply");
    }
    pos++; // [
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (pos < end && in[pos] == ']') {
      pos++;
      return Collections.unmodifiableList(list);
    }
    while (true) {
      skipWhitespace();
      list.add(readValue(depth));
      skipWhitespace();
      if (pos >= end) {
        throw error("unexpected end");
      }
      byte b = in[pos++];
      if (b == ']') {
        return Collections.unmodifiableList(list);
      }
      if (b != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  /** Member names of session claims, returned without allocating when an unescaped name matches. */
  private static final String[] KNOWN_KEYS = {
    "name",
    "email",
    "picture",
    "sub",
    "user",
    "iat",
    "exp",
    "jti",
    "nbf",
    "customerAccessToken",
    "customerAccessTokenExpiresAt",
    "cartId",
    "firstName",
    "lastName",
    "alg",
    "enc",
    "kid",
    "value",
    "expiresAt"
  };

  /**
   * Open-addressed table of the known names by {@link #keyHash}: bytes and strings, null where
   * empty.
   */
  private static final int KEY_TABLE_SIZE = 64;

  private static final byte[][] KEY_TABLE_BYTES = new byte[KEY_TABLE_SIZE][];
  private static final String[] KEY_TABLE_STRINGS = new String[KEY_TABLE_SIZE];

  static {
    for (String key : KNOWN_KEYS) {
      byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
      int slot = keyHash(bytes, 0, bytes.length) & (KEY_TABLE_SIZE - 1);
      while (KEY_TABLE_BYTES[slot] != null) {
        slot = (slot + 1) & (KEY_TABLE_SIZE - 1);
      }
      KEY_TABLE_BYTES[slot] = bytes;
      KEY_TABLE_STRINGS[slot] = key;
    }
  }

  private static int keyHash(byte[] bytes, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    return h ^ (h >>> 7);
  }

  private String readKey() {
    int start = pos + 1;
    int close = start;
    int h = 0;
    while (close < end) {
      byte b = in[close];
      if (b == '"' || b == '\\') {
        break;
      }
      h = 31 * h + b;
      close++;
    }
    if (close < end && in[close] == '"') {
      int length = close - start;
      int slot =
          (h ^ (h >>> 7))
              & (KEY_TABLE_SIZE - 1); // keyHash(in, start, close), computed while scanning
      byte[] candidate;
      while ((candidate = KEY_TABLE_BYTES[slot]) != null) {
        if (candidate.length == length && sameBytes(candidate, start)) {
          pos = close + 1;
          return KEY_TABLE_STRINGS[slot];
        }
        slot = (slot + 1) & (KEY_TABLE_SIZE - 1);
      }
    }
    return readString();
  }

  /**
   * Whether {@code in[start, start + candidate.length)} equals {@code candidate} (names are a few
   * bytes long).
   */
  private boolean sameBytes(byte[] candidate, int start) {
    for (int i = 0; i < candidate.length; i++) {
      if (in[start + i] != candidate[i]) {
        return false;
      }
    }
    return true;
  }

  private String readString() {
    int start = ++pos; // opening quote
    boolean ascii = true;
    while (pos < end) {
      byte b = in[pos];
      if (b == '"') {
        String s =
            ascii
                ? new String(in, start, pos - start, StandardCharsets.ISO_8859_1)
                : new String(in, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return s;
      }
      if (b == '\\') {
        return readEscapedString(start);
      }
      if (b >= 0 && b < 0x20) {
        throw error("control character in string");
      }
      if (b < 0) {
        ascii = false;
        pos += utf8SequenceLength();
      } else {
        pos++;
      }
    }
    throw error("unterminated string");
  }

  /**
   * The length of the well-formed UTF-8 sequence at {@code pos} (its first byte is not ASCII), as
   * the WHATWG decoder (Unicode 3.9, table 3-7) accepts it; anything else is refused, as {@code
   * TextDecoder} with {@code fatal} does. Continuation bytes are never {@code "} or {@code \}, so a
   * string's end is found the same either way.
   */
  private int utf8SequenceLength() {
    int lead = in[pos] & 0xFF;
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        low = 0xA0; // overlong below
      } else if (lead == 0xED) {
        high = 0x9F; // surrogates above
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) {
        low = 0x90; // overlong below
      } else if (lead == 0xF4) {
        high = 0x8F; // beyond U+10FFFF above
      }
    } else {
      throw error("invalid UTF-8");
    }
    if (end - pos < length) {
      throw error("invalid UTF-8");
    }
    int second = in[pos + 1] & 0xFF;
    if (second < low || second > high) {
      throw error("invalid UTF-8");
    }
    for (int i = 2; i < length; i++) {
      int next = in[pos + i] & 0xFF;
      if (next < 0x80 || next > 0xBF) {
        throw error("invalid UTF-8");
      }
    }
    return length;
  }

  private String readEscapedString(int start) {
    StringBuilder sb = new StringBuilder(pos - start + 16);
    sb.append(new String(in, start, pos - start, StandardCharsets.UTF_8));
    int runStart = pos;
    while (pos < end) {
      byte b = in[pos];
      if (b == '"' || b == '\\') {
        if (pos > runStart) {
          sb.append(new String(in, runStart, pos - runStart, StandardCharsets.UTF_8));
        }
        if (b == '"') {
          pos++;
          return sb.toString();
        }
        pos++;
        if (pos >= end) {
          throw error("unterminated escape");
        }
        byte e = in[pos++];
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> sb.append(readHex4());
          default -> throw error("invalid escape");
        }
        runStart = pos;
        continue;
      }
      if (b >= 0 && b < 0x20) {
        throw error("control character in string");
      }
      pos += b < 0 ? utf8SequenceLength() : 1;
    }
    throw error("unterminated string");
  }

  private char readHex4() {
    if (end - pos < 4) {
      throw error("unterminated escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(in[pos++], 16);
      if (digit < 0) {
        throw error("invalid unicode escape");
      }
      value = (value << 4) | digit;
    }
    return (char) value;
  }

  private Object readNumber() {
    int start = pos;
    boolean integral = true;
    if (in[pos] == '-') {
      pos++;
    }
    if (pos >= end) {
      throw error("invalid number");
    }
    if (in[pos] == '0') {
      pos++;
    } else if (in[pos] >= '1' && in[pos] <= '9') {
      while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
        pos++;
      }
    } else {
      throw error("invalid number");
    }
    if (pos < end && in[pos] == '.') {
      integral = false;
      pos++;
      int digits = pos;
      while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
        pos++;
      }
      if (pos == digits) {
        throw error("invalid number");
      }
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      integral = false;
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      int digits = pos;
      while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
        pos++;
      }
      if (pos == digits) {
        throw error("invalid number");
      }
    }
    int length = pos - start;
    if (integral && length <= 15) { // |value| < 10^15 < 2^53: exact as a long
      long value = 0;
      int i = start;
      boolean negative = in[i] == '-';
      if (negative) {
        i++;
      }
      for (; i < pos; i++) {
        value = value * 10 + (in[i] - '0');
      }
      return negative ? -value : value;
    }
    double d = Double.parseDouble(new String(in, start, length, StandardCharsets.ISO_8859_1));
    return JsonValues.normalizeDouble(
        d); // beyond the double range: an infinity, as JSON.parse makes it
  }
}
