package dev.storefrontsession.sandbox.internal.web;

/**
 * The origin a client on this machine reaches the sandbox at: its bind address (loopback for a
 * wildcard).
 */
public final class SandboxOrigin {
  private SandboxOrigin() {}

  /**
   * {@code http://<host>:<port>}, an IPv6 address in brackets, {@code 0.0.0.0} as {@code
   * 127.0.0.1}.
   */
  public static String of(String bindAddress, int port) {
    String host = bindAddress;
    if ("0.0.0.0".equals(host)) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port;
  }
}
