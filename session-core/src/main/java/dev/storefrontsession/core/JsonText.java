package dev.storefrontsession.core;

import dev.storefrontsession.core.internal.JsonOutput;

/**
 * JSON text as JavaScript's {@code JSON.stringify} writes it, for the value model of {@link
 * SessionClaims}: null, String, Boolean, Long, Double (other numbers as JavaScript would hold
 * them), List, and Map with String keys, written in its iteration order. Strings escape {@code "},
 * {@code \} and control characters as {@code JSON.stringify} does (a line feed as backslash-n,
 * U+001F as backslash-u001f, …), and lone surrogates as backslash-u escapes; every other character
 * is written as UTF-8. The writer the codec uses for the claims, for apps that answer JSON as
 * Auth.js would (e.g. {@code /api/auth/session}).
 */
public final class JsonText {

  private JsonText() {}

  /**
   * @throws IllegalArgumentException for a value outside the model; the message names its type,
   *     never its content
   */
  public static String stringify(Object value) {
    JsonOutput out = new JsonOutput(256);
    out.writeValue(value);
    return out.toUtf8String();
  }
}
