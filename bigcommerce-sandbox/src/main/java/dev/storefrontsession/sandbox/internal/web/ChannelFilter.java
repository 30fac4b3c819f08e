package dev.storefrontsession.sandbox.internal.web;

import dev.storefrontsession.sandbox.internal.store.Channels;
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
 * Which channel a request is for. BigCommerce addresses a channel by host name, {@code
 * store-<hash>-<channel>.<domain>}; a local sandbox cannot be reached under such names, so it also
 * takes the channel from the path, {@code /channels/<channel>/graphql} (the client's endpoint
 * template {@code http://host:port/channels/{channelId}/graphql}). A host or path that names
 * another store or a channel the store does not have is answered with 404 and a message that says
 * which store and channels the sandbox serves; any other request (an IP address or {@code
 * localhost} and {@code /graphql}) goes to the default channel. The channel id is left in the
 * request attribute {@link #ATTRIBUTE}.
 */
public final class ChannelFilter extends OncePerRequestFilter {

  /** The request attribute holding the channel id ({@link Long}). */
  public static final String ATTRIBUTE = "sandbox.channelId";

  private static final Pattern CHANNEL_HOST = Pattern.compile("^store-([a-z0-9]+)-([0-9]+)\\.");
  private static final Pattern CHANNEL_PATH = Pattern.compile("^/channels/([^/]*)/");

  private final String storeHash;
  private final Channels channels;

  public ChannelFilter(String storeHash, Channels channels) {
    this.storeHash = storeHash;
    this.channels = channels;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Object channel = channel(request.getServerName(), request.getRequestURI());
    if (channel instanceof Long id) {
      request.setAttribute(ATTRIBUTE, id);
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"errors\":[{\"message\":\"" + channel + "\"}]}");
  }

  /**
   * The channel id ({@link Long}) of a request to {@code host} and {@code path}, or the message of
   * a 404.
   */
  Object channel(String host, String path) {
    Long fromHost = null;
    Matcher m = host == null ? null : CHANNEL_HOST.matcher(host.toLowerCase(Locale.ROOT));
    if (m != null && m.find()) {
      if (!m.group(1).equals(storeHash.toLowerCase(Locale.ROOT))) {
        return "Unknown store: " + m.group(1) + "." + served();
      }
      fromHost = known(m.group(2));
      if (fromHost == null) {
        return unknownChannel(m.group(2));
      }
    }
    Matcher p = path == null ? null : CHANNEL_PATH.matcher(path);
    if (p != null && p.find()) {
      Long fromPath = known(p.group(1));
      if (fromPath == null || (fromHost != null && !fromHost.equals(fromPath))) {
        return unknownChannel(p.group(1));
      }
      return fromPath;
    }
    return fromHost != null ? fromHost : channels.defaultChannel().id();
  }

  /** The channel id when {@code digits} names a channel of the store, else null. */
  private Long known(String digits) {
    if (digits.isEmpty()
        || digits.length() > 18
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    long id = Long.parseLong(digits);
    return channels.channel(id).isPresent() ? id : null;
  }

  private String unknownChannel(String named) {
    String shown = named.length() > 18 ? named.substring(0, 18) + "..." : named;
    // only digits and letters are echoed: the message is written into JSON as it is
    return "Unknown channel: " + shown.replaceAll("[^A-Za-z0-9.]", "?") + "." + served();
  }

  private String served() {
    StringBuilder ids = new StringBuilder();
    channels.all().forEach(c -> ids.append(ids.length() == 0 ? "" : ", ").append(c.id()));
    return " This sandbox serves store " + storeHash + ", channels " + ids + ".";
  }
}
