package dev.storefrontsession.sandbox.internal.service;

import dev.storefrontsession.sandbox.internal.ApiException;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.CartView;
import dev.storefrontsession.sandbox.internal.schema.DateTimeExtended;
import dev.storefrontsession.sandbox.internal.schema.Errors;
import dev.storefrontsession.sandbox.internal.schema.ImageView;
import dev.storefrontsession.sandbox.internal.schema.Money;
import dev.storefrontsession.sandbox.internal.schema.ProductNode;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.store.CartLineRecord;
import dev.storefrontsession.sandbox.internal.store.CartRecord;
import dev.storefrontsession.sandbox.internal.store.CartRepository;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.ChannelRecord;
import dev.storefrontsession.sandbox.internal.store.Channels;
import dev.storefrontsession.sandbox.internal.store.CurrencyRecord;
import dev.storefrontsession.sandbox.internal.store.ProductRecord;
import dev.storefrontsession.sandbox.internal.store.Tx;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Carts: guest carts are reachable by anyone holding their UUID; a cart assigned to a customer only
 * by that customer's token (for everyone else it does not exist); a cart only on the channel it was
 * made on. Prices are in the cart's currency: each unit price is converted from the store's default
 * currency at the currency's exchange rate ({@link CurrencyRecord#convert}), and line and cart
 * totals are sums of converted amounts. Every mutation runs in one transaction.
 */
public final class CartService {

  /** Upper bound of one line's quantity. */
  public static final int MAX_QUANTITY = 10_000;

  private final CartRepository carts;
  private final Catalog catalog;
  private final Channels channels;
  private final Tx tx;
  private final Clock clock;

  public CartService(CartRepository carts, Catalog catalog, Channels channels, Tx tx, Clock clock) {
    this.carts = carts;
    this.catalog = catalog;
    this.channels = channels;
    this.tx = tx;
    this.clock = clock;
  }

  /** The cart when it exists and the requester may see it. */
  public Optional<CartView> find(String cartId, Requester requester) {
    return visible(cartId, requester).map(this::view);
  }

  /**
   * A new cart on the requester's channel, in {@code currencyCode} (null: the channel's default
   * currency).
   */
  public CartView create(
      Requester requester, List<LineInput> lines, String currencyCode, String locale) {
    ChannelRecord channel = channel(requester);
    CurrencyRecord currency =
        currencyCode == null || currencyCode.isBlank()
            ? channel.defaultCurrency()
            : enabledCurrency(channel, currencyCode);
    if (lines == null || lines.isEmpty()) {
      throw new ApiException("A cart needs at least one line item.", "INVALID_INPUT");
    }
    return tx.run(
        () -> {
          String id = UUID.randomUUID().toString();
          carts.insert(
              id,
              requester.customerId(),
              currency.code(),
              locale == null || locale.isBlank() ? channel.locale() : locale,
              clock.instant(),
              channel.id());
          for (LineInput line : lines) {
            addOrIncrease(id, line);
          }
          return view(carts.find(id).orElseThrow());
        });
  }

  /**
   * {@code updateCartCurrency}: the cart's lines move to a new cart in {@code currencyCode} (one
   * the channel offers), with a new id, as at BigCommerce; the old cart is gone. The same currency
   * changes nothing.
   */
  public CartView updateCurrency(Requester requester, String cartId, String currencyCode) {
    CurrencyRecord currency = enabledCurrency(channel(requester), currencyCode);
    return tx.run(
        () -> {
          CartRecord cart = mutable(cartId, requester, null);
          if (cart.currencyCode().equals(currency.code())) {
            return view(cart);
          }
          String id = UUID.randomUUID().toString();
          carts.insert(
              id,
              cart.customerId(),
              currency.code(),
              cart.locale(),
              clock.instant(),
              cart.channelId());
          carts.moveLines(cart.entityId(), id);
          carts.delete(cart.entityId());
          return view(carts.find(id).orElseThrow());
        });
  }

  private ChannelRecord channel(Requester requester) {
    return channels
        .channel(requester.channelId())
        .orElseThrow(
            () -> new ApiException("Unknown channel: " + requester.channelId() + ".", "NOT_FOUND"));
  }

  /** The currency {@code code} when the channel offers it, else BigCommerce-style input errors. */
  private static CurrencyRecord enabledCurrency(ChannelRecord channel, String code) {
    String wanted = code == null ? "" : code.trim();
    CurrencyRecord currency = channel.currency(wanted);
    if (currency == null) {
      String offered =
          String.join(", ", channel.currencies().stream().map(CurrencyRecord::code).toList());
      String shown = wanted.length() > 8 ? wanted.substring(0, 8) + "..." : wanted;
      throw new ApiException(
          "Currency " + shown + " is not enabled for this channel; use one of " + offered + ".",
          "INVALID_INPUT");
    }
    return currency;
  }

  public CartView addLines(
      Requester requester, String cartId, Integer version, List<LineInput> lines) {
    if (lines == null || lines.isEmpty()) {
      throw new ApiException("No line items to add.", "INVALID_INPUT");
    }
    return tx.run(
        () -> {
          CartRecord cart = mutable(cartId, requester, version);
          for (LineInput line : lines) {
            addOrIncrease(cart.entityId(), line);
          }
          carts.touch(cart.entityId(), clock.instant());
          return view(carts.find(cart.entityId()).orElseThrow());
        });
  }

  public CartView updateLine(
      Requester requester, String cartId, String lineId, Integer version, LineInput line) {
    if (line == null) {
      throw new ApiException(
          "Only product line items can be updated; lineItem is required.", "INVALID_INPUT");
    }
    return tx.run(
        () -> {
          CartRecord cart = mutable(cartId, requester, version);
          CartLineRecord existing = line(cart, lineId);
          ProductRecord product = product(line, existing.productId());
          carts.updateLine(
              existing.entityId(),
              product.entityId(),
              line.variantEntityId() != null ? line.variantEntityId() : existing.variantId(),
              quantity(line.quantity()));
          carts.touch(cart.entityId(), clock.instant());
          return view(carts.find(cart.entityId()).orElseThrow());
        });
  }

  /** Deletes a line; deleting the last one deletes the cart ({@code cart: null}). */
  public Results.DeleteCartLineItemResult deleteLine(
      Requester requester, String cartId, String lineId, Integer version) {
    return tx.run(
        () -> {
          CartRecord cart = mutable(cartId, requester, version);
          CartLineRecord existing = line(cart, lineId);
          carts.deleteLine(existing.entityId());
          if (carts.lines(cart.entityId()).isEmpty()) {
            carts.delete(cart.entityId());
            return new Results.DeleteCartLineItemResult(existing.entityId(), null, cart.entityId());
          }
          carts.touch(cart.entityId(), clock.instant());
          return new Results.DeleteCartLineItemResult(
              existing.entityId(), view(carts.find(cart.entityId()).orElseThrow()), null);
        });
  }

  /**
   * Login on a channel: assigns that channel's guest cart to the customer, or merges its lines into
   * the customer's existing cart there (and deletes the guest cart); a cart of another channel is
   * not found. Returns the customer's cart on the channel after login, or null when they have none.
   * Call inside the login transaction.
   */
  public CartView assignOnLogin(long customerId, String guestCartId, long channelId) {
    Optional<CartRecord> own = carts.findForCustomer(customerId, channelId);
    Optional<CartRecord> guest =
        guestCartId == null || guestCartId.isBlank()
            ? Optional.empty()
            : carts.find(guestCartId.trim()).filter(c -> c.channelId() == channelId);
    if (guest.isPresent()
        && guest.get().customerId() != null
        && guest.get().customerId() != customerId) {
      guest = Optional.empty(); // another customer's cart: not ours to take
    }
    if (guest.isPresent() && Objects.equals(guest.get().customerId(), customerId)) {
      return view(guest.get());
    }
    if (guest.isPresent() && own.isPresent()) {
      String target = own.get().entityId();
      for (CartLineRecord line : carts.lines(guest.get().entityId())) {
        addOrIncrease(
            target, new LineInput(line.productId(), line.variantId(), null, line.quantity()));
      }
      carts.delete(guest.get().entityId());
      carts.touch(target, clock.instant());
      return view(carts.find(target).orElseThrow());
    }
    if (guest.isPresent()) {
      carts.assign(guest.get().entityId(), customerId, clock.instant());
      return view(carts.find(guest.get().entityId()).orElseThrow());
    }
    return own.map(this::view).orElse(null);
  }

  /**
   * Logout: with a persistent cart the cart stays with the customer ({@code cart: null}); otherwise
   * it becomes a guest cart again and is returned. Call inside the logout transaction.
   */
  public Results.CartUnassignResult unassignOnLogout(
      long customerId, String cartId, boolean persistentCart, long channelId) {
    if (cartId == null || cartId.isBlank()) {
      return new Results.CartUnassignResult(null, List.of());
    }
    Optional<CartRecord> cart = carts.find(cartId.trim());
    if (cart.isEmpty()
        || !Objects.equals(cart.get().customerId(), customerId)
        || cart.get().channelId() != channelId) {
      return new Results.CartUnassignResult(
          null,
          List.of(
              new Errors.CartUnassignInaccessibleError(
                  "Cart " + cartId.trim() + " is not accessible.")));
    }
    if (persistentCart) {
      return new Results.CartUnassignResult(null, List.of());
    }
    carts.assign(cart.get().entityId(), null, clock.instant());
    return new Results.CartUnassignResult(
        view(carts.find(cart.get().entityId()).orElseThrow()), List.of());
  }

  private Optional<CartRecord> visible(String cartId, Requester requester) {
    if (cartId == null || cartId.isBlank()) {
      return Optional.empty();
    }
    return carts
        .find(cartId.trim())
        .filter(c -> c.channelId() == requester.channelId())
        .filter(c -> c.customerId() == null || c.customerId().equals(requester.customerId()));
  }

  private CartRecord mutable(String cartId, Requester requester, Integer version) {
    CartRecord cart =
        visible(cartId, requester)
            .orElseThrow(() -> new ApiException("Cart not found: " + cartId, "NOT_FOUND"));
    if (version != null && version != cart.version()) {
      throw new ApiException(
          "Cart version "
              + version
              + " is outdated; the current version is "
              + cart.version()
              + ".",
          "CONFLICT");
    }
    return cart;
  }

  private CartLineRecord line(CartRecord cart, String lineId) {
    return carts.lines(cart.entityId()).stream()
        .filter(l -> l.entityId().equals(lineId))
        .findFirst()
        .orElseThrow(() -> new ApiException("Line item not found: " + lineId, "NOT_FOUND"));
  }

  private void addOrIncrease(String cartId, LineInput line) {
    ProductRecord product = product(line, null);
    int quantity = quantity(line.quantity());
    if (!product.inStock()) {
      throw new ApiException(
          "Product " + product.entityId() + " (" + product.name() + ") is out of stock.",
          "OUT_OF_STOCK");
    }
    for (CartLineRecord existing : carts.lines(cartId)) {
      if (existing.productId() == product.entityId()
          && Objects.equals(existing.variantId(), line.variantEntityId())) {
        carts.updateLine(
            existing.entityId(),
            existing.productId(),
            existing.variantId(),
            quantity(existing.quantity() + quantity));
        return;
      }
    }
    carts.insertLine(
        UUID.randomUUID().toString(), cartId, product.entityId(), line.variantEntityId(), quantity);
  }

  private ProductRecord product(LineInput line, Integer fallbackId) {
    if (line.productEntityId() != null) {
      return catalog
          .product(line.productEntityId())
          .orElseThrow(
              () -> new ApiException("Product not found: " + line.productEntityId(), "NOT_FOUND"));
    }
    if (line.sku() != null && !line.sku().isBlank()) {
      return catalog
          .productBySku(line.sku().trim())
          .orElseThrow(
              () -> new ApiException("Product not found for SKU " + line.sku(), "NOT_FOUND"));
    }
    if (fallbackId != null) {
      return catalog.product(fallbackId).orElseThrow();
    }
    throw new ApiException("A line item needs productEntityId or sku.", "INVALID_INPUT");
  }

  private static int quantity(int quantity) {
    if (quantity < 1) {
      throw new ApiException("Quantity must be at least 1.", "INVALID_INPUT");
    }
    if (quantity > MAX_QUANTITY) {
      throw new ApiException("Quantity must be at most " + MAX_QUANTITY + ".", "INVALID_INPUT");
    }
    return quantity;
  }

  /** Prices a stored cart for its owner's customer group. */
  CartView view(CartRecord cart) {
    int group = cart.customerGroupId();
    CurrencyRecord currency =
        channels.currency(cart.currencyCode()).orElseGet(channels::defaultCurrency);
    Function<BigDecimal, Money> money = amount -> Money.in(currency, amount);
    Money zero = money.apply(BigDecimal.ZERO);
    List<CartView.CartPhysicalItem> items = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    int quantity = 0;
    for (CartLineRecord line : carts.lines(cart.entityId())) {
      ProductRecord p = catalog.product(line.productId()).orElseThrow();
      BigDecimal unit = catalog.priceFor(p, group);
      BigDecimal qty = BigDecimal.valueOf(line.quantity());
      // unit prices are converted, then multiplied: lines add up to the cart's amount exactly
      BigDecimal extended = currency.convert(unit).multiply(qty);
      total = total.add(extended);
      quantity += line.quantity();
      ImageView image = p.imageUrl() == null ? null : new ImageView(p.imageUrl(), p.name(), true);
      ProductNode node = new ProductNode(p, group);
      items.add(
          new CartView.CartPhysicalItem(
              line.entityId(),
              null,
              p.entityId(),
              line.variantId(),
              p.sku(),
              false,
              p.name(),
              p.path(),
              image == null ? null : image.url(500, 500),
              p.brand() == null ? null : p.brand().name(),
              line.quantity(),
              true,
              true,
              List.of(),
              zero,
              zero,
              money.apply(unit),
              money.apply(p.basePrice()),
              money.apply(unit),
              Money.of(currency, extended),
              Money.of(currency, extended),
              money.apply(p.basePrice()),
              Money.of(currency, currency.convert(p.basePrice()).multiply(qty)),
              money.apply(p.retailPrice() != null ? p.retailPrice() : p.basePrice()),
              true,
              List.of(),
              p.path(),
              image,
              node,
              node));
    }
    return new CartView(
        Base64.getEncoder()
            .encodeToString(("Cart:" + cart.entityId()).getBytes(StandardCharsets.UTF_8)),
        cart.entityId(),
        cart.currencyCode(),
        cart.currencyCode(),
        false,
        Money.of(currency, total),
        zero,
        Money.of(currency, total),
        List.of(),
        new CartView.LineItems(items, List.of(), quantity),
        new DateTimeExtended(cart.createdAt()),
        new DateTimeExtended(cart.updatedAt()),
        cart.locale(),
        cart.version());
  }
}
