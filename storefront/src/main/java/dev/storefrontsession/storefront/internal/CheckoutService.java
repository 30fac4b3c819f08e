package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.spring.ShopperSessions;
import dev.storefrontsession.storefront.internal.Views.OrderDetail;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The hand-off to the store's checkout and the way back. A checkout URL is minted per request for
 * the session's cart on the storefront's channel, with the shopper's customer access token when
 * signed in (the store's checkout then knows the customer); it is single-use, so it is never
 * cached, stored or logged. Thread-safe.
 */
@Service
public class CheckoutService {

  /** Where the shopper goes next. */
  public sealed interface Handoff permits ToCheckout, NoCart {}

  /**
   * The store's one-time checkout URLs.
   *
   * @param redirectedCheckoutUrl the page to send the browser to
   * @param embeddedCheckoutUrl the page to frame in the storefront's own checkout page
   */
  public record ToCheckout(String redirectedCheckoutUrl, String embeddedCheckoutUrl)
      implements Handoff {
    @Override
    public String toString() {
      return "ToCheckout[<redacted>]";
    }
  }

  /**
   * Nothing to check out: no cart in the session, or one the store no longer knows (its id has been
   * dropped from the session).
   */
  public record NoCart(boolean stale) implements Handoff {}

  private final StoreGateway store;
  private final ShopperSessions shoppers;

  public CheckoutService(StoreGateway store, ShopperSessions shoppers) {
    this.store = store;
    this.shoppers = shoppers;
  }

  /**
   * Mints checkout URLs for the session's cart. An invalid customer access token propagates as
   * {@code StorefrontAuthException}; an outage as the client's exceptions (nothing in the session
   * changes).
   */
  public Handoff handoff() {
    Optional<String> cartId = shoppers.cartId();
    if (cartId.isEmpty()) {
      return new NoCart(false);
    }
    JsonNode result =
        store
            .mutation(Documents.CHECKOUT_REDIRECT, Map.of("cartId", cartId.get()), "cart")
            .path("cart")
            .path("createCartRedirectUrls");
    JsonNode urls = result.path("redirectUrls");
    String redirected = Json.text(urls, "redirectedCheckoutUrl");
    String embedded = Json.text(urls, "embeddedCheckoutUrl");
    if (result.path("errors").size() > 0 || redirected == null) {
      // The store does not know this cart (checked out in another tab, deleted, or not this
      // shopper's).
      shoppers.setCartId(null);
      return new NoCart(true);
    }
    return new ToCheckout(redirected, embedded == null ? redirected : embedded);
  }

  /**
   * The order for its confirmation page: a signed-in shopper's own order, or a guest order found
   * with the cart it was placed from ({@code cartId}: the session's cart, or the one remembered for
   * this browser session). When the session's cart was the one checked out (the store no longer
   * knows it), it leaves the session.
   */
  public Optional<OrderDetail> confirmation(int orderId, Optional<String> rememberedCartId) {
    Optional<String> sessionCart = shoppers.cartId();
    Optional<JsonNode> order = Optional.empty();
    if (shoppers.isLoggedIn()) {
      order = order(Map.of("entityId", orderId));
    } else {
      for (Optional<String> cart : java.util.List.of(sessionCart, rememberedCartId)) {
        if (order.isEmpty() && cart.isPresent()) {
          order = order(Map.of("entityId", orderId, "cartEntityId", cart.get()));
        }
      }
    }
    if (order.isPresent() && sessionCart.isPresent() && !cartExists(sessionCart.get())) {
      shoppers.setCartId(null);
    }
    return order.map(o -> AccountService.detail(o, orderId));
  }

  private Optional<JsonNode> order(Map<String, Object> filter) {
    JsonNode o =
        store
            .privateQuery(Documents.CUSTOMER_ORDER, Map.of("filter", filter), "customer")
            .path("site")
            .path("order");
    return Json.absent(o) ? Optional.empty() : Optional.of(o);
  }

  private boolean cartExists(String cartId) {
    return !Json.absent(
        store
            .privateQuery(Documents.CART_COUNT, Map.of("cartId", cartId), "cart")
            .path("site")
            .path("cart"));
  }
}
