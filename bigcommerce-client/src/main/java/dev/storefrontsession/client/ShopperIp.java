package dev.storefrontsession.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * One shopper IP address as the Storefront API expects it in {@code True-Client-IP}: a dotted-quad
 * IPv4 address or an IPv6 address in RFC 4291 text form; never a list, a port, a zone id or a host
 * name, and reading one never asks DNS. Stateless.
 */
public final class ShopperIp {

  private static final int MAX_IPV6_LENGTH = 45;

  private ShopperIp() {}

  /**
   * The canonical text of the address ({@link InetAddress#getHostAddress()}), so that two spellings
   * of one address count as one; empty for anything that is not exactly one address (lists, ports,
   * zone ids, host names, junk).
   */
  public static Optional<String> canonical(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    byte[] v4 = ipv4(text);
    if (v4 != null) {
      try {
        return Optional.of(InetAddress.getByAddress(v4).getHostAddress());
      } catch (UnknownHostException impossible) {
        return Optional.empty();
      }
    }
    if (text.length() > MAX_IPV6_LENGTH || text.indexOf(':') < 0) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
        return Optional.empty();
      }
    }
    try {
      // in brackets the JDK parses the text as an IPv6 literal or fails; it never falls back to a
      // name lookup
      return Optional.of(InetAddress.getByName("[" + text + "]").getHostAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static byte[] ipv4(String text) {
    byte[] address = new byte[4];
    int part = 0;
    int value = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i == text.length() ? '.' : text.charAt(i);
      if (c == '.') {
        if (value < 0 || part == 4) {
          return null;
        }
        address[part++] = (byte) value;
        value = -1;
      } else if (c >= '0' && c <= '9') {
        value = value < 0 ? c - '0' : value * 10 + (c - '0');
        if (value > 255) {
          return null;
        }
      } else {
        return null;
      }
    }
    return part == 4 ? address : null;
  }
}
