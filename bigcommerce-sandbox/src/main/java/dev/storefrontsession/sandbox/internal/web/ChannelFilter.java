package dev.storefrontsession.sandbox.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * BigCommerce addresses a channel by host name, {@code store-<hash>-<channel>.<domain>}. A request whose
 * {@code Host} has that form must name this sandbox's store and channel; any other store or channel is answered
 * with 404 and a message that says which store and channel the sandbox serves. Requests to any other host name (an
 * IP address, {@code localhost}) go to the sandbox's channel.
 */
public final class ChannelFilter extends OncePerRequestFilter {

  private static final Pattern CHANNEL_HOST = Pattern.compile("^store-([a-z0-9]+)-([0-9]+)\\.");

  private final String storeHash;
  private final long channelId;

  public ChannelFilter(String storeHash, long channelId) {
    this.storeHash = storeHash;
    this.channelId = channelId;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String failure = check(request.getServerName());
    if (failure == null) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"errors\":[{\"message\":\"" + failure + "\"}]}");
  }

  /** Null when the host name is no channel host or names this store and channel, else the message. */
  String check(String host) {
    if (host == null) {
      return null;
    }
    Matcher m = CHANNEL_HOST.matcher(host.toLowerCase(Locale.ROOT));
    if (!m.find()) {
      return null;
    }
    String served = " This sandbox serves store " + storeHash + ", channel " + channelId + ".";
    if (!m.group(1).equals(storeHash.toLowerCase(Locale.ROOT))) {
      return "Unknown store: " + m.group(1) + "." + served;
    }
    String channel = m.group(2);
    if (channel.length() > 18 || Long.parseLong(channel) != channelId) {
      return "Unknown channel: " + (channel.length() > 18 ? channel.substring(0, 18) + "..." : channel) + "."
          + served;
    }
    return null;
  }
}
