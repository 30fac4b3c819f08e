package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.spring.ShopperSessions;
import dev.storefrontsession.storefront.internal.Views.CartLine;
import dev.storefrontsession.storefront.internal.Views.CartView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The shopper's cart. Every cart read and write is no-store and carries the shopper's context (a
 * customer's cart is only visible with the customer's CAT). The cart id lives in the session
 * (signed-in) or the anonymous session.
 */
@Service
public class CartService {

  static final int MAX_QUANTITY = 999;

  private final StoreGateway store;
  private final ShopperSessions shoppers;
  private final CurrencyPreference currency;

  public CartService(StoreGateway store, ShopperSessions shoppers, CurrencyPreference currency) {
    this.store = store;
    this.shoppers = shoppers;
    this.currency = currency;
  }

  /** The cart, or empty when the shopper has none (or the store no longer knows it). */
  public Optional<CartView> cart() {
    Optional<String> cartId = shoppers.cartId();
    if (cartId.isEmpty()) {
      return Optional.empty();
    }
    JsonNode cart =
        store
            .privateQuery(Documents.CART, Map.of("cartId", cartId.get()), "cart")
            .path("site")
            .path("cart");
    return Json.absent(cart) ? Optional.empty() : Optional.of(view(cart));
  }

  /** Items in the cart for the header badge; 0 without a cart. */
  public int count() {
    Optional<String> cartId = shoppers.cartId();
    if (cartId.isEmpty()) {
      return 0;
    }
    JsonNode cart =
        store
            .privateQuery(Documents.CART_COUNT, Map.of("cartId", cartId.get()), "cart")
            .path("site")
            .path("cart");
    return Json.absent(cart) ? 0 : Json.integer(cart.path("lineItems"), "totalQuantity", 0);
  }

  /**
   * Adds a product: to the current cart when the store still has it, else to a new cart
   * (remembered).
   */
  public void add(int productEntityId, int quantity) {
    Map<String, Object> line = Map.of("productEntityId", productEntityId, "quantity", quantity);
    Optional<String> cartId = shoppers.cartId();
    if (cartId.isPresent() && cartExists(cartId.get())) {
      JsonNode result =
          store
              .mutation(
                  Documents.ADD_CART_LINE_ITEMS,
                  Map.of(
                      "input",
                      Map.of(
                          "cartEntityId", cartId.get(),
                          "data", Map.of("lineItems", List.of(line)))),
                  "cart")
              .path("cart")
              .path("addCartLineItems")
              .path("cart");
      if (!Json.absent(result)) {
        return;
      }
    }
    Map<String, Object> input = new java.util.HashMap<>(Map.of("lineItems", List.of(line)));
    String currencyCode = currency.requested();
    if (currencyCode != null) {
      input.put("currencyCode", currencyCode);
    }
    JsonNode created =
        store
            .mutation(Documents.CREATE_CART, Map.of("createCartInput", input), "cart")
            .path("cart")
            .path("createCart")
            .path("cart");
    String newId = Json.text(created, "entityId");
    if (newId == null) {
      throw new CartException("The store could not create a cart. Please try again.");
    }
    shoppers.setCartId(newId);
  }

  /**
   * Moves the cart of the request's channel to {@code currencyCode} ({@code updateCartCurrency}):
   * the store answers with a new cart id, which replaces this channel's entry in the session.
   * Nothing happens without a cart.
   */
  public void changeCurrency(String currencyCode) {
    Optional<String> cartId = shoppers.cartId();
    if (cartId.isEmpty() || !cartExists(cartId.get())) {
      return;
    }
    JsonNode moved =
        store
            .mutation(
                Documents.UPDATE_CART_CURRENCY,
                Map.of(
                    "input",
                    Map.of(
                        "cartEntityId",
                        cartId.get(),
                        "data",
                        Map.of("currencyCode", currencyCode))),
                "cart")
            .path("cart")
            .path("updateCartCurrency")
            .path("cart");
    String newId = Json.text(moved, "entityId");
    if (newId == null) {
      throw new CartException("The store could not change your cart's currency. Please try again.");
    }
    shoppers.setCartId(newId);
  }

  public void updateQuantity(String lineItemEntityId, int quantity) {
    String cartId = shoppers.cartId().orElseThrow(() -> new CartException("Your cart is empty."));
    Map<String, Object> variables =
        Map.of(
            "input",
            Map.of(
                "cartEntityId", cartId,
                "lineItemEntityId", lineItemEntityId,
                "data",
                    Map.of(
                        "lineItem",
                        Map.of(
                            "productEntityId",
                            productOf(lineItemEntityId),
                            "quantity",
                            quantity))));
    store.mutation(Documents.UPDATE_CART_LINE_ITEM, variables, "cart");
  }

  public void remove(String lineItemEntityId) {
    String cartId = shoppers.cartId().orElseThrow(() -> new CartException("Your cart is empty."));
    JsonNode result =
        store
            .mutation(
                Documents.DELETE_CART_LINE_ITEM,
                Map.of(
                    "input", Map.of("cartEntityId", cartId, "lineItemEntityId", lineItemEntityId)),
                "cart")
            .path("cart")
            .path("deleteCartLineItem");
    // The store deletes the cart with its last line (cart: null): forget it, as Catalyst does.
    if (!Json.absent(result) && Json.absent(result.get("cart"))) {
      shoppers.setCartId(null);
    }
  }

  private boolean cartExists(String cartId) {
    return !Json.absent(
        store
            .privateQuery(Documents.CART_COUNT, Map.of("cartId", cartId), "cart")
            .path("site")
            .path("cart"));
  }

  private int productOf(String lineItemEntityId) {
    return cart()
        .flatMap(
            c -> c.lines().stream().filter(l -> l.entityId().equals(lineItemEntityId)).findFirst())
        .map(CartLine::productEntityId)
        .orElseThrow(() -> new CartException("That item is no longer in your cart."));
  }

  static CartView view(JsonNode cart) {
    List<CartLine> lines = new ArrayList<>();
    JsonNode items = cart.path("lineItems");
    for (String kind : List.of("physicalItems", "digitalItems")) {
      for (JsonNode item : items.path(kind)) {
        lines.add(
            new CartLine(
                Json.text(item, "entityId"),
                Json.integer(item, "productEntityId", 0),
                Json.text(item, "name"),
                Json.integer(item, "quantity", 0),
                Money.format(item.path("salePrice")),
                Money.format(item.path("extendedSalePrice")),
                null));
      }
    }
    String subtotal = Money.format(cart.path("amount"));
    if (subtotal == null) {
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode item : items.path("physicalItems")) {
        BigDecimal v = Money.value(item.path("extendedSalePrice"));
        sum = v == null ? sum : sum.add(v);
      }
      subtotal = Money.format(sum, Json.text(cart, "currencyCode"));
    }
    int count =
        Json.integer(items, "totalQuantity", lines.stream().mapToInt(CartLine::quantity).sum());
    return new CartView(Json.text(cart, "entityId"), lines, subtotal, count);
  }

  /** A cart action the shopper can correct (shown on the cart page). */
  public static final class CartException extends RuntimeException {
    public CartException(String message) {
      super(message);
    }
  }
}
