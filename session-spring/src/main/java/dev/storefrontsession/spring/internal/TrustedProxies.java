package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.ShopperIp;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The proxies in front of the storefront whose {@code X-Forwarded-*} headers are believed, as
 * addresses and CIDR ranges, and the shopper IP they report. Immutable and thread-safe.
 *
 * <p>The shopper IP follows the convention of Tomcat's {@code RemoteIpValve}: when the socket peer
 * is a trusted proxy, {@code X-Forwarded-For} is read from the right (each proxy appends the
 * address it saw) and the first hop that is not a trusted proxy is the shopper; everything to its
 * left was written by the shopper and is ignored. A hop that is not exactly one IP address ends the
 * search with the socket peer. Anyone else is their socket peer.
 */
public final class TrustedProxies {

  /**
   * Loopback and the private ranges: the addresses Tomcat's {@code RemoteIpValve} trusts by
   * default.
   */
  public static final List<String> DEFAULT =
      List.of(
          "127.0.0.0/8",
          "::1/128",
          "10.0.0.0/8",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "169.254.0.0/16",
          "100.64.0.0/10",
          "fc00::/7",
          "fe80::/10");

  private static final String FORWARDED_FOR = "X-Forwarded-For";

  private final List<String> entries;
  private final List<IpAddressMatcher> matchers;

  private TrustedProxies(List<String> entries, List<IpAddressMatcher> matchers) {
    this.entries = entries;
    this.matchers = matchers;
  }

  /**
   * @param entries IPv4/IPv6 addresses ({@code 10.0.0.5}) and CIDR ranges ({@code 10.0.0.0/8},
   *     {@code fc00::/7})
   * @throws IllegalArgumentException naming the first entry that is neither
   */
  public static TrustedProxies of(List<String> entries) {
    List<String> kept = new ArrayList<>();
    List<IpAddressMatcher> matchers = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw == null ? "" : raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      Optional<String> ip = ShopperIp.canonical(address);
      int maxBits = ip.map(a -> a.indexOf(':') < 0 ? 32 : 128).orElse(0);
      if (ip.isEmpty() || (slash >= 0 && !validMask(entry.substring(slash + 1), maxBits))) {
        throw new IllegalArgumentException(
            "storefront.session.trusted-proxies: '"
                + entry
                + "' is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, fc00::/7)");
      }
      kept.add(entry);
      matchers.add(new IpAddressMatcher(slash < 0 ? ip.get() : ip.get() + entry.substring(slash)));
    }
    return new TrustedProxies(Collections.unmodifiableList(kept), List.copyOf(matchers));
  }

  private static boolean validMask(String bits, int maxBits) {
    if (bits.isEmpty() || bits.length() > 3) {
      return false;
    }
    for (int i = 0; i < bits.length(); i++) {
      if (bits.charAt(i) < '0' || bits.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(bits) <= maxBits;
  }

  /** True when the request's socket peer is one of these proxies. */
  public boolean isFromTrustedProxy(HttpServletRequest request) {
    return ShopperIp.canonical(request.getRemoteAddr()).map(this::contains).orElse(false);
  }

  /**
   * The shopper's IP address for the request: the right-most {@code X-Forwarded-For} hop that is
   * not a trusted proxy when the socket peer is one, else the socket peer; null when not even the
   * peer is an IP address.
   */
  public String shopperIp(HttpServletRequest request) {
    String peer = ShopperIp.canonical(request.getRemoteAddr()).orElse(null);
    if (peer == null || !contains(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    var values = request.getHeaders(FORWARDED_FOR);
    while (values != null && values.hasMoreElements()) {
      for (String hop : values.nextElement().split(",", -1)) {
        hops.add(hop.strip());
      }
    }
    String shopper = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<String> hop = ShopperIp.canonical(hops.get(i));
      if (hop.isEmpty()) {
        return peer;
      }
      shopper = hop.get();
      if (!contains(shopper)) {
        return shopper;
      }
    }
    // every hop is a proxy of ours: the left-most one is where the request came from
    return shopper;
  }

  boolean contains(String canonicalIp) {
    for (IpAddressMatcher m : matchers) {
      if (m.matches(canonicalIp)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "TrustedProxies" + entries;
  }
}
