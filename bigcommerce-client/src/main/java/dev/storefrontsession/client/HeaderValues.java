package dev.storefrontsession.client;

/** Checks applied to values that end up in HTTP request headers. */
final class HeaderValues {

  private HeaderValues() {}

  /** Rejects control characters (header injection) with a message that does not echo the value. */
  static String requireSafe(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException(what + " contains a control character");
      }
    }
    return value;
  }
}
