package dev.storefrontsession.client;

/**
 * Maps a shopper's locale to a BigCommerce channel id (Catalyst's {@code getChannelIdFromLocale}).
 */
@FunctionalInterface
public interface ChannelResolver {

  /** The channel for {@code locale}, or null to use the client's default channel. */
  Long channelFor(String locale);

  /** A resolver that never overrides the default channel. */
  static ChannelResolver none() {
    return locale -> null;
  }
}
