package dev.storefrontsession.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cart members of a session's {@code user} in Catalyst's layout for several channels, and
 * Catalyst's rules over them (as {@code core/lib/cart/channel-cart.ts} in bigcommerce/catalyst
 * decides them): {@code cartIds} maps channel ids to cart ids; {@code cartId} is the single cart of
 * sessions written before channels, kept beside the map. A stored map wins; a session with only
 * {@code cartId} gives it to the first channel that asks, and that answer must be stored once
 * ({@link Selection#toStore()}) so another channel does not take the same cart; a channel without
 * an entry has no cart. Immutable and thread-safe.
 *
 * @param cartId the legacy single cart, or null
 * @param cartIds channel id to cart id, or null when the session never stored a map (an empty map
 *     is a stored map)
 */
public record ChannelCarts(String cartId, Map<String, String> cartIds) {

  public ChannelCarts {
    cartId = cartId == null || cartId.isEmpty() ? null : cartId;
    cartIds = cartIds == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(cartIds));
  }

  /** The carts of {@code user}; none when the session has no user object. */
  public static ChannelCarts of(SessionUser user) {
    return user == null ? new ChannelCarts(null, null) : user.carts();
  }

  /**
   * The cart of one channel.
   *
   * @param cartId the channel's cart, or null
   * @param toStore the carts to store when a legacy {@code cartId} was just given to this channel,
   *     else null
   */
  public record Selection(String cartId, ChannelCarts toStore) {}

  /**
   * The cart of {@code channelId}: its entry in a stored map; else the legacy cart, given to this
   * channel.
   */
  public Selection forChannel(String channelId) {
    if (cartIds != null) {
      return new Selection(cartIds.get(channelId), null);
    }
    if (cartId == null) {
      return new Selection(null, null);
    }
    return new Selection(cartId, new ChannelCarts(cartId, Map.of(channelId, cartId)));
  }

  /**
   * {@code cartId} becomes the cart of {@code channelId} (and the legacy cart); every other channel
   * keeps its own. A null or empty cart id is {@link #remove}.
   */
  public ChannelCarts assign(String channelId, String cartId) {
    if (cartId == null || cartId.isEmpty()) {
      return remove(channelId);
    }
    Map<String, String> carts = new LinkedHashMap<>(cartIds == null ? Map.of() : cartIds);
    carts.put(channelId, cartId);
    return new ChannelCarts(cartId, carts);
  }

  /**
   * {@code channelId} has no cart any more; the legacy cart is cleared and a map is stored even
   * when it is empty, so the legacy cart is not given to a channel again.
   */
  public ChannelCarts remove(String channelId) {
    Map<String, String> carts = new LinkedHashMap<>(cartIds == null ? Map.of() : cartIds);
    carts.remove(channelId);
    return new ChannelCarts(null, carts);
  }

  /**
   * The carts of the customer session made at login from these (the guest's) carts: the cart the
   * login returned becomes the cart of the channel logged in on, and the guest's other channels
   * keep theirs; without a returned cart that channel has none.
   *
   * @param channelId the channel the shopper logs in on, or null when unknown (then only the legacy
   *     cart is set)
   * @param loginCartId the cart id the login mutation returned, or null
   */
  public ChannelCarts afterLogin(String channelId, String loginCartId) {
    ChannelCarts base =
        cartIds == null && cartId != null && channelId != null
            ? new ChannelCarts(cartId, Map.of(channelId, cartId))
            : this;
    if (channelId == null) {
      return new ChannelCarts(
          loginCartId != null ? loginCartId : base.cartId,
          base.cartIds == null ? Map.of() : base.cartIds);
    }
    if (loginCartId != null && !loginCartId.isEmpty()) {
      return base.assign(channelId, loginCartId);
    }
    return base.remove(channelId);
  }

  /**
   * The cart to hand to the logout mutation for {@code channelId} (null: none): a stored map wins.
   */
  public String forLogout(String channelId) {
    if (channelId != null && cartIds != null) {
      return cartIds.get(channelId);
    }
    return cartId;
  }
}
