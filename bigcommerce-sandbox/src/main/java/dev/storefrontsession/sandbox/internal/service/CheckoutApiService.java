package dev.storefrontsession.sandbox.internal.service;

import dev.storefrontsession.sandbox.internal.ApiException;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.CartView;
import dev.storefrontsession.sandbox.internal.schema.CheckoutView;
import dev.storefrontsession.sandbox.internal.schema.DateTimeExtended;
import dev.storefrontsession.sandbox.internal.schema.Money;
import dev.storefrontsession.sandbox.internal.schema.StoreForms;
import dev.storefrontsession.sandbox.internal.store.Channels;
import dev.storefrontsession.sandbox.internal.store.CheckoutStateRepository;
import dev.storefrontsession.sandbox.internal.store.CheckoutStateRepository.Address;
import dev.storefrontsession.sandbox.internal.store.CheckoutStateRepository.Consignment;
import dev.storefrontsession.sandbox.internal.store.CheckoutStateRepository.Coupon;
import dev.storefrontsession.sandbox.internal.store.CheckoutStateRepository.GiftCertificate;
import dev.storefrontsession.sandbox.internal.store.CurrencyRecord;
import dev.storefrontsession.sandbox.internal.store.Tx;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Storefront checkout API on a cart (a checkout's entity id is its cart's): shipping
 * consignments and the store's shipping options for them, coupons and gift certificates, and the
 * totals they make. The hosted checkout places the order from the same state ({@link #totals}).
 *
 * <p>Shipping: within the United States a flat rate (10.00) or express (25.00), free instead of the
 * flat rate from a 100.00 subtotal; to the store's other countries one international rate (30.00);
 * nowhere else. No tax, no handling fee.
 *
 * <p>Currencies: the store's amounts (shipping rates and the free-shipping threshold, a fixed
 * coupon's amount and minimum purchase) are in its default currency (USD); a checkout in another
 * currency (the cart's) gets each of them converted at that currency's exchange rate, as its prices
 * are ({@link CurrencyRecord#convert}), and every figure of the checkout and of the order is then
 * computed and kept in the cart's currency. Gift certificates hold a balance in the default
 * currency and are redeemed in it only: a checkout in another currency refuses them, as
 * BigCommerce's store credit is only usable in the default currency.
 */
public final class CheckoutApiService {

  static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("100.00");
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final int MAX_FIELD = 255;

  /**
   * A shipping option of the store: its id, description, BigCommerce type and cost in the
   * checkout's currency.
   */
  public record ShippingRate(
      String id,
      String description,
      String type,
      BigDecimal cost,
      String transitTime,
      boolean recommended) {}

  private final CartService carts;
  private final CheckoutStateRepository state;
  private final Channels channels;
  private final Tx tx;
  private final Clock clock;

  public CheckoutApiService(
      CartService carts, CheckoutStateRepository state, Channels channels, Tx tx, Clock clock) {
    this.carts = carts;
    this.state = state;
    this.channels = channels;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * The currency a cart of {@code currencyCode} is priced and checked out in (the store's default
   * one for a code the store does not know, as carts are priced).
   */
  public CurrencyRecord currency(String currencyCode) {
    return channels.currency(currencyCode).orElseGet(channels::defaultCurrency);
  }

  /**
   * Runs {@code change} on a cart the requester may see, in one transaction; answers the checkout
   * as it is after the change.
   */
  private CheckoutView change(
      Requester requester,
      String checkoutId,
      @Nullable Integer version,
      java.util.function.Consumer<CartView> change) {
    return tx.run(
        () -> {
          CartView cart = cart(checkoutId, requester, version);
          change.accept(cart);
          return view(cart);
        });
  }

  /** The checkout of a cart the requester may see, or empty. */
  public Optional<CheckoutView> find(String checkoutId, Requester requester) {
    return carts.find(checkoutId, requester).map(this::view);
  }

  public CheckoutView addConsignments(
      Requester requester,
      String checkoutId,
      @Nullable Integer version,
      List<ConsignmentInput> consignments) {
    return change(
        requester,
        checkoutId,
        version,
        cart -> {
          if (consignments.isEmpty()) {
            throw new ApiException("At least one consignment is required.", "INVALID_INPUT");
          }
          for (ConsignmentInput input : consignments) {
            List<String> lines = lineIds(cart, input);
            state.releaseItems(cart.entityId(), lines);
            state.insertConsignment(
                UUID.randomUUID().toString(),
                cart.entityId(),
                address(input.address()),
                lines,
                clock.instant());
          }
          state.deleteEmptyConsignments(cart.entityId());
        });
  }

  public CheckoutView updateConsignment(
      Requester requester,
      String checkoutId,
      String consignmentId,
      @Nullable Integer version,
      ConsignmentInput input) {
    return change(
        requester,
        checkoutId,
        version,
        cart -> {
          consignment(cart, consignmentId);
          List<String> lines = lineIds(cart, input);
          state.releaseItems(cart.entityId(), lines);
          state.updateConsignment(consignmentId, address(input.address()), lines);
          state.deleteEmptyConsignments(cart.entityId());
        });
  }

  public CheckoutView deleteConsignment(
      Requester requester, String checkoutId, String consignmentId, @Nullable Integer version) {
    return change(
        requester,
        checkoutId,
        version,
        cart -> {
          consignment(cart, consignmentId);
          state.deleteConsignment(consignmentId);
        });
  }

  public CheckoutView selectShippingOption(
      Requester requester,
      String checkoutId,
      String consignmentId,
      @Nullable Integer version,
      String optionId) {
    return change(
        requester,
        checkoutId,
        version,
        cart -> {
          Consignment consignment = consignment(cart, consignmentId);
          boolean offered =
              rates(consignment.address().countryCode(), subtotal(cart), currency(cart)).stream()
                  .anyMatch(r -> r.id().equals(optionId));
          if (!offered) {
            throw new ApiException(
                "Shipping option "
                    + optionId
                    + " is not available for consignment "
                    + consignmentId
                    + ".",
                "NOT_FOUND");
          }
          state.selectOption(consignmentId, optionId);
        });
  }

  public CheckoutView applyCoupon(
      Requester requester, String checkoutId, @Nullable Integer version, String code) {
    return change(
        requester,
        checkoutId,
        version,
        cart -> {
          Coupon coupon =
              state
                  .couponByCode(code == null ? "" : code.trim())
                  .filter(Coupon::enabled)
                  .orElseThrow(
                      () -> new ApiException("The coupon code is not valid.", "INVALID_INPUT"));
          CurrencyRecord currency = currency(cart);
          BigDecimal minimum = currency.convert(coupon.minPurchase());
          if (subtotal(cart).compareTo(minimum) < 0) {
            throw new ApiException(
                "The coupon needs an order of at least "
                    + minimum.toPlainString()
                    + " "
                    + currency.code()
                    + ".",
                "INVALID_INPUT");
          }
          state.applyCoupon(cart.entityId(), coupon.id());
        });
  }

  public CheckoutView unapplyCoupon(
      Requester requester, String checkoutId, @Nullable Integer version, String code) {
    return change(
        requester,
        checkoutId,
        version,
        cart -> {
          Optional<Coupon> coupon = state.couponByCode(code == null ? "" : code.trim());
          if (coupon.isEmpty() || state.unapplyCoupon(cart.entityId(), coupon.get().id()) == 0) {
            throw new ApiException("The coupon is not applied to this checkout.", "NOT_FOUND");
          }
        });
  }

  public CheckoutView applyGiftCertificate(
      Requester requester, String checkoutId, @Nullable Integer version, String code) {
    return change(
        requester,
        checkoutId,
        version,
        cart -> {
          if (!Channels.DEFAULT_CURRENCY.equals(currency(cart).code())) {
            throw new ApiException(
                "Gift certificates are redeemed in the store's default currency ("
                    + Channels.DEFAULT_CURRENCY
                    + ") only; this checkout is in "
                    + currency(cart).code()
                    + ".",
                "INVALID_INPUT");
          }
          GiftCertificate certificate =
              state
                  .giftCertificate(code == null ? "" : code.trim())
                  .filter(g -> g.balance().signum() > 0)
                  .orElseThrow(
                      () ->
                          new ApiException(
                              "The gift certificate code is not valid.", "INVALID_INPUT"));
          state.applyGiftCertificate(cart.entityId(), certificate.code());
        });
  }

  public CheckoutView unapplyGiftCertificate(
      Requester requester, String checkoutId, @Nullable Integer version, String code) {
    return change(
        requester,
        checkoutId,
        version,
        cart -> {
          Optional<GiftCertificate> certificate =
              state.giftCertificate(code == null ? "" : code.trim());
          if (certificate.isEmpty()
              || state.unapplyGiftCertificate(cart.entityId(), certificate.get().code()) == 0) {
            throw new ApiException(
                "The gift certificate is not applied to this checkout.", "NOT_FOUND");
          }
        });
  }

  /** A coupon's or gift certificate's share of an order, in the checkout's currency. */
  public record Applied(String code, BigDecimal amount) {}

  /**
   * What the checkout's coupons and gift certificates do to an order of this subtotal and shipping
   * cost.
   */
  public record Adjustments(
      List<Applied> couponDiscounts, BigDecimal discountTotal, List<Applied> giftCertificates) {}

  /**
   * The coupons and gift certificates applied to a cart's checkout, priced for an order of this
   * subtotal and shipping cost in {@code currency} (the hosted checkout's own choice): coupon
   * discounts lower the order's total, gift certificates pay what they can of the rest. A coupon
   * the store has disabled since, or whose minimum the order no longer meets, drops out; so do gift
   * certificates outside the default currency.
   */
  public Adjustments adjustments(
      String cartId, CurrencyRecord currency, BigDecimal subtotal, BigDecimal shipping) {
    return adjustments(
        state.appliedCoupons(cartId),
        state.appliedGiftCertificates(cartId),
        currency,
        subtotal,
        shipping);
  }

  private static Adjustments adjustments(
      List<Coupon> applied,
      List<GiftCertificate> giftCertificates,
      CurrencyRecord currency,
      BigDecimal subtotal,
      BigDecimal shipping) {
    List<Applied> coupons = new ArrayList<>();
    BigDecimal discount = BigDecimal.ZERO;
    for (Coupon c : applied) {
      if (!c.enabled() || subtotal.compareTo(currency.convert(c.minPurchase())) < 0) {
        continue;
      }
      BigDecimal amount = discount(c, subtotal, currency).min(subtotal.subtract(discount));
      discount = discount.add(amount);
      coupons.add(new Applied(c.code(), amount));
    }
    BigDecimal left = subtotal.subtract(discount).add(shipping);
    List<Applied> certificates = new ArrayList<>();
    boolean redeemable = Channels.DEFAULT_CURRENCY.equals(currency.code());
    for (GiftCertificate g : redeemable ? giftCertificates : List.<GiftCertificate>of()) {
      BigDecimal used = g.balance().min(left);
      if (used.signum() > 0) {
        certificates.add(new Applied(g.code(), used));
        left = left.subtract(used);
      }
    }
    return new Adjustments(List.copyOf(coupons), discount, List.copyOf(certificates));
  }

  /**
   * Takes what an order used off its gift certificates' balances (inside the order's transaction).
   */
  public void redeem(Adjustments adjustments) {
    for (Applied g : adjustments.giftCertificates()) {
      if (!state.spendGiftCertificate(g.code(), g.amount())) {
        throw new ApiException(
            "Gift certificate "
                + g.code()
                + " no longer covers "
                + g.amount().toPlainString()
                + ".",
            "CONFLICT");
      }
    }
  }

  /**
   * The store's shipping options to a country for an order of this subtotal, both in {@code
   * currency}.
   */
  public static List<ShippingRate> rates(
      String countryCode, BigDecimal subtotal, CurrencyRecord currency) {
    return rates(countryCode, subtotal, currency::convert);
  }

  private static List<ShippingRate> rates(
      String countryCode, BigDecimal subtotal, UnaryOperator<BigDecimal> convert) {
    String country = countryCode.toUpperCase(Locale.ROOT);
    if (country.equals("US")) {
      boolean free = subtotal.compareTo(convert.apply(FREE_SHIPPING_FROM)) >= 0;
      List<ShippingRate> rates = new ArrayList<>();
      rates.add(
          free
              ? new ShippingRate(
                  "free-shipping",
                  "Free Shipping",
                  "freeshipping",
                  BigDecimal.ZERO,
                  "3-5 business days",
                  true)
              : new ShippingRate(
                  "flat-rate",
                  "Flat Rate",
                  "shipping_flatrate",
                  convert.apply(new BigDecimal("10.00")),
                  "3-5 business days",
                  true));
      rates.add(
          new ShippingRate(
              "express",
              "Express",
              "shipping_flatrate",
              convert.apply(new BigDecimal("25.00")),
              "1-2 business days",
              false));
      return rates;
    }
    boolean served = StoreForms.COUNTRIES.stream().anyMatch(c -> c.code().equals(country));
    return served
        ? List.of(
            new ShippingRate(
                "international",
                "International",
                "shipping_flatrate",
                convert.apply(new BigDecimal("30.00")),
                "5-10 business days",
                true))
        : List.of();
  }

  /**
   * The checkout as it stands: its state is read once, and the coupon discounts and gift
   * certificates come from {@link #adjustments}, the rule placed orders follow.
   */
  private CheckoutView view(CartView cart) {
    CurrencyRecord currency = currency(cart);
    BigDecimal subtotal = subtotal(cart);
    List<CheckoutView.Consignment> consignments = new ArrayList<>();
    BigDecimal shippingTotal = BigDecimal.ZERO;
    for (Consignment c : state.consignments(cart.entityId())) {
      List<CheckoutView.ShippingOption> options =
          rates(c.address().countryCode(), subtotal, currency).stream()
              .map(
                  r ->
                      new CheckoutView.ShippingOption(
                          r.id(),
                          r.description(),
                          r.type(),
                          money(currency, r.cost()),
                          money(currency, r.cost()),
                          r.transitTime(),
                          r.recommended()))
              .toList();
      Optional<ShippingRate> chosen = selected(c, subtotal, currency);
      BigDecimal shipping = chosen.map(ShippingRate::cost).orElse(BigDecimal.ZERO);
      shippingTotal = shippingTotal.add(shipping);
      Money cost = money(currency, shipping);
      consignments.add(
          new CheckoutView.Consignment(
              c.id(),
              address(c.address()),
              options,
              chosen
                  .map(
                      r ->
                          new CheckoutView.SelectedShippingOption(
                              r.id(),
                              r.description(),
                              r.type(),
                              money(currency, r.cost()),
                              money(currency, r.cost()),
                              r.transitTime()))
                  .orElse(null),
              cost,
              cost,
              money(currency, BigDecimal.ZERO),
              c.lineItemIds()));
    }
    List<Coupon> applied = state.appliedCoupons(cart.entityId());
    List<GiftCertificate> giftCertificates = state.appliedGiftCertificates(cart.entityId());
    Adjustments adjustments =
        adjustments(applied, giftCertificates, currency, subtotal, shippingTotal);
    // a coupon the order would not take (disabled since, minimum no longer met) shows no discount
    List<CheckoutView.Coupon> coupons =
        applied.stream()
            .map(
                c -> {
                  Money amount = money(currency, amountOf(adjustments.couponDiscounts(), c.code()));
                  return new CheckoutView.Coupon(c.id(), c.code(), c.type(), amount, amount);
                })
            .toList();
    List<CheckoutView.GiftCertificate> certificates = new ArrayList<>();
    BigDecimal usedTotal = BigDecimal.ZERO;
    for (GiftCertificate g : giftCertificates) {
      BigDecimal used = amountOf(adjustments.giftCertificates(), g.code());
      usedTotal = usedTotal.add(used);
      Money balance = money(currency, g.balance());
      Money remaining = money(currency, g.balance().subtract(used));
      Money usedMoney = money(currency, used);
      certificates.add(
          new CheckoutView.GiftCertificate(
              g.code(),
              balance,
              balance,
              remaining,
              remaining,
              usedMoney,
              usedMoney,
              new DateTimeExtended(g.purchasedAt())));
    }
    BigDecimal grandTotal = subtotal.subtract(adjustments.discountTotal()).add(shippingTotal);
    Money zero = money(currency, BigDecimal.ZERO);
    Money shipping = money(currency, shippingTotal);
    return new CheckoutView(
        nodeId(cart.entityId()),
        cart.entityId(),
        cart.currencyCode(),
        cart.displayCurrencyCode(),
        cart,
        consignments,
        shipping,
        shipping,
        zero,
        zero,
        List.of(),
        money(currency, subtotal),
        money(currency, grandTotal),
        money(currency, grandTotal.subtract(usedTotal)),
        cart.createdAt(),
        cart.updatedAt(),
        coupons,
        certificates,
        cart.version());
  }

  private static BigDecimal amountOf(List<Applied> applied, String code) {
    return applied.stream()
        .filter(a -> a.code().equals(code))
        .map(Applied::amount)
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }

  private static BigDecimal subtotal(CartView cart) {
    return cart.amount().value();
  }

  private static BigDecimal discount(Coupon coupon, BigDecimal subtotal, CurrencyRecord currency) {
    BigDecimal amount =
        switch (coupon.type()) {
          case "PERCENTAGE_DISCOUNT" ->
              subtotal
                  .multiply(coupon.amount())
                  .divide(new BigDecimal("100"), currency.decimalPlaces(), RoundingMode.HALF_UP);
          default -> currency.convert(coupon.amount());
        };
    return amount.min(subtotal);
  }

  private static Optional<ShippingRate> selected(
      Consignment c, BigDecimal subtotal, CurrencyRecord currency) {
    if (c.selectedOption() == null) {
      return Optional.empty();
    }
    return rates(c.address().countryCode(), subtotal, currency).stream()
        .filter(r -> r.id().equals(c.selectedOption()))
        .findFirst();
  }

  /** An amount already in the checkout's currency. */
  private static Money money(CurrencyRecord currency, BigDecimal value) {
    return Money.of(currency, value);
  }

  private CurrencyRecord currency(CartView cart) {
    return currency(cart.currencyCode());
  }

  private CartView cart(String checkoutId, Requester requester, @Nullable Integer version) {
    CartView cart =
        carts
            .find(checkoutId, requester)
            .orElseThrow(() -> new ApiException("Checkout not found: " + checkoutId, "NOT_FOUND"));
    if (version != null && !version.equals(cart.version())) {
      throw new ApiException(
          "Checkout version "
              + version
              + " is outdated; the current version is "
              + cart.version()
              + ".",
          "CONFLICT");
    }
    return cart;
  }

  private Consignment consignment(CartView cart, String consignmentId) {
    return state.consignments(cart.entityId()).stream()
        .filter(c -> c.id().equals(consignmentId))
        .findFirst()
        .orElseThrow(
            () -> new ApiException("Consignment not found: " + consignmentId, "NOT_FOUND"));
  }

  /**
   * The line ids of a consignment input: each a line of this cart, once, with its whole quantity.
   */
  private static List<String> lineIds(CartView cart, ConsignmentInput input) {
    if (input.lineItems().isEmpty()) {
      throw new ApiException("A consignment needs at least one line item.", "INVALID_INPUT");
    }
    Set<String> known = new HashSet<>();
    cart.lineItems().physicalItems().forEach(l -> known.add(l.entityId()));
    Set<String> ids = new LinkedHashSet<>();
    for (LineQuantity line : input.lineItems()) {
      if (!known.contains(line.lineItemEntityId())) {
        throw new ApiException(
            "Line item not found in this checkout: " + line.lineItemEntityId(), "NOT_FOUND");
      }
      if (line.quantity() < 1) {
        throw new ApiException("A consignment's quantity must be positive.", "INVALID_INPUT");
      }
      ids.add(line.lineItemEntityId());
    }
    return List.copyOf(ids);
  }

  private static Address address(AddressInput a) {
    if (a.countryCode() == null || !COUNTRY.matcher(a.countryCode().trim()).matches()) {
      throw new ApiException("countryCode must be a two-letter ISO 3166-1 code.", "INVALID_INPUT");
    }
    for (String value :
        new String[] {
          a.firstName(),
          a.lastName(),
          a.email(),
          a.company(),
          a.address1(),
          a.address2(),
          a.city(),
          a.stateOrProvince(),
          a.postalCode(),
          a.phone()
        }) {
      if (value != null && value.length() > MAX_FIELD) {
        throw new ApiException(
            "An address field is longer than " + MAX_FIELD + " characters.", "INVALID_INPUT");
      }
    }
    return new Address(
        a.firstName(),
        a.lastName(),
        a.email(),
        a.company(),
        a.address1(),
        a.address2(),
        a.city(),
        a.stateOrProvince(),
        a.countryCode().trim().toUpperCase(Locale.ROOT),
        a.postalCode(),
        a.phone());
  }

  private static CheckoutView.Address address(Address a) {
    return new CheckoutView.Address(
        a.firstName(),
        a.lastName(),
        a.email(),
        a.company(),
        a.address1(),
        a.address2(),
        a.city(),
        a.stateOrProvince(),
        a.stateOrProvince(),
        a.countryCode(),
        a.postalCode(),
        a.phone(),
        List.of());
  }

  private static String nodeId(String entityId) {
    return Base64.getEncoder()
        .encodeToString(("Checkout:" + entityId).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code CheckoutAddressInput} (the fields the sandbox keeps). */
  public record AddressInput(
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      @Nullable String company,
      @Nullable String address1,
      @Nullable String address2,
      @Nullable String city,
      @Nullable String stateOrProvince,
      @Nullable String countryCode,
      @Nullable String postalCode,
      @Nullable String phone) {}

  /** {@code CheckoutConsignmentLineItemInput}. */
  public record LineQuantity(String lineItemEntityId, int quantity) {}

  /** {@code CheckoutShippingConsignmentInput}. */
  public record ConsignmentInput(AddressInput address, List<LineQuantity> lineItems) {}
}
