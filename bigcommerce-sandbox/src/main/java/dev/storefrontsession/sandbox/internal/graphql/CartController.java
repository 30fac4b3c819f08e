package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.CartView;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.service.CartService;
import dev.storefrontsession.sandbox.internal.service.CheckoutService;
import dev.storefrontsession.sandbox.internal.service.LineInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code site.cart} and the {@code cart { … }} mutations, checkout links included. */
@Controller
public class CartController {

  static final Object NAMESPACE = new Object();

  public record CartLineItemInput(
      Integer quantity, Integer productEntityId, Integer variantEntityId, String sku) {
    LineInput toLine() {
      return new LineInput(productEntityId, variantEntityId, sku, quantity == null ? 0 : quantity);
    }
  }

  public record CreateCartInput(
      List<CartLineItemInput> lineItems, String currencyCode, String locale) {}

  public record AddCartLineItemsDataInput(List<CartLineItemInput> lineItems) {}

  public record AddCartLineItemsInput(
      String cartEntityId, AddCartLineItemsDataInput data, Integer version) {}

  public record UpdateCartLineItemDataInput(CartLineItemInput lineItem) {}

  public record UpdateCartLineItemInput(
      String cartEntityId,
      String lineItemEntityId,
      UpdateCartLineItemDataInput data,
      Integer version) {}

  public record DeleteCartLineItemInput(
      String cartEntityId, String lineItemEntityId, Integer version) {}

  public record UpdateCartCurrencyDataInput(String currencyCode) {}

  public record UpdateCartCurrencyInput(String cartEntityId, UpdateCartCurrencyDataInput data) {}

  private final CartService carts;
  private final CheckoutService checkout;

  public CartController(CartService carts, CheckoutService checkout) {
    this.carts = carts;
    this.checkout = checkout;
  }

  @SchemaMapping(typeName = "Site")
  public CartView cart(
      @Argument String entityId, @ContextValue(name = Requester.KEY) Requester requester) {
    return carts.find(entityId, requester).orElse(null);
  }

  @MutationMapping(name = "cart")
  public Object cartMutations() {
    return NAMESPACE;
  }

  @SchemaMapping(typeName = "CartMutations")
  public Results.CartResult createCart(
      @Argument CreateCartInput input, @ContextValue(name = Requester.KEY) Requester requester) {
    return new Results.CartResult(
        carts.create(requester, lines(input.lineItems()), input.currencyCode(), input.locale()));
  }

  @SchemaMapping(typeName = "CartMutations")
  public Results.CartResult addCartLineItems(
      @Argument AddCartLineItemsInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new Results.CartResult(
        carts.addLines(
            requester,
            input.cartEntityId(),
            input.version(),
            lines(input.data() == null ? null : input.data().lineItems())));
  }

  @SchemaMapping(typeName = "CartMutations")
  public Results.CartResult updateCartLineItem(
      @Argument UpdateCartLineItemInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    CartLineItemInput line = input.data() == null ? null : input.data().lineItem();
    return new Results.CartResult(
        carts.updateLine(
            requester,
            input.cartEntityId(),
            input.lineItemEntityId(),
            input.version(),
            line == null ? null : line.toLine()));
  }

  @SchemaMapping(typeName = "CartMutations")
  public Results.DeleteCartLineItemResult deleteCartLineItem(
      @Argument DeleteCartLineItemInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return carts.deleteLine(
        requester, input.cartEntityId(), input.lineItemEntityId(), input.version());
  }

  @SchemaMapping(typeName = "CartMutations")
  public Results.UpdateCartCurrencyResult updateCartCurrency(
      @Argument UpdateCartCurrencyInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new Results.UpdateCartCurrencyResult(
        carts.updateCurrency(
            requester,
            input.cartEntityId(),
            input.data() == null ? null : input.data().currencyCode()));
  }

  /**
   * One-time checkout URLs for a cart the requester may see; the customer access token, when sent,
   * binds them to the customer. The {@code ipAddress}, {@code visitorId}, {@code visitId} and
   * {@code analytics} inputs are accepted and ignored (the sandbox records no analytics).
   */
  @SchemaMapping(typeName = "CartMutations")
  public Results.CreateCartRedirectUrlsResult createCartRedirectUrls(
      @Argument Map<String, Object> input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    Object cartId = input == null ? null : input.get("cartEntityId");
    List<Map.Entry<String, String>> params = new ArrayList<>();
    if (input != null && input.get("queryParams") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> p) {
          params.add(Map.entry(String.valueOf(p.get("key")), String.valueOf(p.get("value"))));
        }
      }
    }
    return checkout.createRedirectUrls(requester, cartId instanceof String s ? s : null, params);
  }

  private static List<LineInput> lines(List<CartLineItemInput> items) {
    return items == null ? List.of() : items.stream().map(CartLineItemInput::toLine).toList();
  }
}
