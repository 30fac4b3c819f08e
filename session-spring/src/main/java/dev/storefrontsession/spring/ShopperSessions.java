package dev.storefrontsession.spring;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.SessionClaims;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The current shopper's session, Catalyst's {@code auth()} family. A singleton that works on the
 * request being served by the calling thread; the session cookie is decoded the first time one of
 * these methods needs it, at most once per request. Calling outside a request throws {@link
 * IllegalStateException}.
 */
public interface ShopperSessions {

  /**
   * The signed-in session, or empty for a guest (also when the cookie is missing, invalid or
   * expired).
   */
  Optional<ShopperSession> auth();

  /**
   * The customer access token of the signed-in shopper (Catalyst's {@code
   * getSessionCustomerAccessToken()}).
   */
  Optional<CustomerAccessToken> customerAccessToken();

  /** True when the shopper is signed in with a customer access token. */
  boolean isLoggedIn();

  /**
   * The channel of the current request (decimal channel id): the store client's channel for the
   * request's locale ({@link ShopperLocales}), else its default channel.
   */
  String channelId();

  /**
   * The cart of the current request's channel, from the signed-in session, else from the anonymous
   * session, in Catalyst's layout ({@code user.cartIds[channelId]}; a session with only the legacy
   * {@code user.cartId} gives it to the first channel that asks, and the map is then stored on this
   * response).
   */
  Optional<String> cartId();

  /**
   * Remembers the cart of the current request's channel: in the signed-in session when there is
   * one, else in the anonymous session; other channels keep their carts. The cookie is written on
   * the current response (only when something changed).
   *
   * @param cartIdOrNull the cart's entity id, or {@code null} to forget this channel's cart
   */
  void setCartId(String cartIdOrNull);

  /**
   * Changes claims of the signed-in session from server code (names after a profile edit, a custom
   * claim such as a B2B token); the session cookie is re-issued once on the current response, with
   * every change of this request. {@code change} receives the claims as they stand now, including
   * changes made earlier in this request. The session layer's own claims survive whatever it
   * returns: the cart (change it with {@link #setCartId}), the sign-in time and the token check
   * time. The browser's {@code POST /api/auth/session} still changes only the cart.
   *
   * @param change from the current claims to the new ones ({@code claims.toBuilder()…build()}); not
   *     null
   * @return the session after the change, or empty without a signed-in session (then nothing
   *     changes)
   */
  Optional<ShopperSession> update(UnaryOperator<SessionClaims> change);

  /**
   * The client context for the current shopper: a customer with the CAT, or a guest; with IP and
   * locale.
   */
  CustomerContext customerContext();
}
