package dev.storefrontsession.sandbox.internal.service;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Errors;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.store.AddressRecord;
import dev.storefrontsession.sandbox.internal.store.AddressRepository;
import dev.storefrontsession.sandbox.internal.store.CartLineRecord;
import dev.storefrontsession.sandbox.internal.store.CartRecord;
import dev.storefrontsession.sandbox.internal.store.CartRepository;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.CheckoutRepository;
import dev.storefrontsession.sandbox.internal.store.CheckoutRepository.CheckoutLink;
import dev.storefrontsession.sandbox.internal.store.CurrencyRecord;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import dev.storefrontsession.sandbox.internal.store.CustomerRepository;
import dev.storefrontsession.sandbox.internal.store.OrderRecord;
import dev.storefrontsession.sandbox.internal.store.OrderRepository;
import dev.storefrontsession.sandbox.internal.store.ProductRecord;
import dev.storefrontsession.sandbox.internal.store.Tx;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The sandbox's checkout: {@code cart.createCartRedirectUrls} makes a one-time link to a checkout
 * page the sandbox serves, bound to the cart and, when the mutation carried a customer access
 * token, to that customer. Opening the link uses it up and starts a checkout session (its secret
 * travels in the form); submitting the form with the test payment method places the order in one
 * transaction: the order and its lines are stored, the cart is deleted, and the session remembers
 * the order, so a second submit shows the same order rather than placing another. A customer's
 * checkout acts for the customer only while the customer access token that asked for the link is
 * live: signing out of the storefront (which revokes it) ends it. Link tokens and session secrets
 * are 32 random bytes (base64url); only their SHA-256 is stored. Thread-safe.
 */
public final class CheckoutService {

  /** How long a checkout link can be opened after it was made. */
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(5);

  /** How long a checkout session lasts after its link was opened. */
  public static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);

  /**
   * At most this many {@code queryParams}, each key and value at most {@link
   * #MAX_QUERY_PARAM_LENGTH} chars.
   */
  public static final int MAX_QUERY_PARAMS = 20;

  public static final int MAX_QUERY_PARAM_LENGTH = 200;

  /** The path of checkout pages on the sandbox; links are {@code /checkout/<token>}. */
  public static final String PATH = "/checkout/";

  /** The path of embedded checkout pages, {@code /checkout/embedded/<token>}. */
  public static final String EMBEDDED_PATH = PATH + "embedded/";

  static final String PLACED_STATUS = "AWAITING_FULFILLMENT";
  static final String PLACED_STATUS_LABEL = "Awaiting Fulfillment";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final int PURGE_EVERY = 256;

  /** Why a link or session is refused; each has its own page. */
  public enum Refusal {
    /** Unknown, forged or malformed. */
    INVALID,
    /** Made more than {@link #LINK_LIFETIME} ago, or its session ended. */
    EXPIRED,
    /** Opened already. */
    USED,
    /** The cart was checked out, emptied or deleted meanwhile. */
    CART_GONE,
    /** The cart now belongs to a customer other than the one the link was made for. */
    OTHER_CUSTOMER,
    /**
     * The customer's link, after the customer access token that asked for it was revoked (signed
     * out) or expired.
     */
    SIGNED_OUT
  }

  /**
   * Shipping methods offered, their costs in the store's default currency (a checkout in another
   * currency charges them converted); the sandbox has no carriers.
   */
  public enum Shipping {
    FREE("free", "Free shipping (5–7 days)", new BigDecimal("0.00")),
    EXPRESS("express", "Express (2 days)", new BigDecimal("15.00"));

    public final String id;
    public final String label;
    public final BigDecimal cost;

    Shipping(String id, String label, BigDecimal cost) {
      this.id = id;
      this.label = label;
      this.cost = cost;
    }

    static Optional<Shipping> of(String id) {
      for (Shipping s : values()) {
        if (s.id.equals(id)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /** The one payment method: a test method that approves without a gateway. */
  public static final String TEST_PAYMENT = "test";

  /** Countries the sandbox ships to (code → name). */
  public static final Map<String, String> COUNTRIES = countries();

  /** A priced cart line as the checkout shows it, in the checkout's currency. */
  public record Line(
      int productEntityId, String name, int quantity, BigDecimal unitPrice, BigDecimal total) {}

  /**
   * An open checkout session as its page shows it.
   *
   * @param sessionSecret the secret the form sends back (never stored)
   * @param customer the customer checking out, or null for a guest
   * @param addresses the customer's saved addresses (empty for a guest)
   * @param currency the cart's currency: every amount of the checkout is in it
   * @param channelId the cart's channel, whose storefront the page links back to
   */
  public record Session(
      String sessionSecret,
      CustomerRecord customer,
      List<AddressRecord> addresses,
      CurrencyRecord currency,
      long channelId,
      List<Line> lines,
      BigDecimal subTotal,
      String queryString,
      List<CheckoutApiService.Applied> couponDiscounts,
      List<CheckoutApiService.Applied> giftCertificates) {}

  /**
   * What the shopper entered; any field may be null. {@code channel} is the page's own hidden
   * field: the cart's channel, used only to link a repeated submit's order page (its cart is gone
   * by then) to that channel's storefront; it can name no other place than one of the store's
   * sites.
   */
  public record Form(
      String email,
      String addressId,
      String firstName,
      String lastName,
      String company,
      String address1,
      String address2,
      String city,
      String stateOrProvince,
      String postalCode,
      String countryCode,
      String phone,
      String shipping,
      String payment,
      String channel) {
    public static Form empty() {
      return new Form(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
  }

  /** What opening a link or submitting a form led to. */
  public sealed interface Outcome {}

  /** The form to show (errors empty on first view). */
  public record Show(Session session, Form form, Map<String, String> errors) implements Outcome {}

  /**
   * Refused, with the reason and the channel of the cart when it is known (its storefront is where
   * the page sends the shopper).
   */
  public record Refused(Refusal reason, Long channelId) implements Outcome {
    Refused(Refusal reason) {
      this(reason, null);
    }
  }

  /**
   * The order the session placed (now or on an earlier submit), with the currency its amounts are
   * in.
   */
  public record Placed(OrderRecord order, CurrencyRecord currency, List<Line> lines, Long channelId)
      implements Outcome {}

  private final CheckoutRepository links;
  private final CartRepository carts;
  private final OrderRepository orders;
  private final CustomerRepository customers;
  private final AddressRepository addresses;
  private final Catalog catalog;
  private final Tx tx;
  private final Clock clock;
  private final Supplier<String> sandboxOrigin;
  private final CheckoutApiService checkoutState;
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong made = new AtomicLong();

  /**
   * @param sandboxOrigin this sandbox's own origin as a browser reaches it ({@code
   *     http://127.0.0.1:port})
   */
  public CheckoutService(
      CheckoutRepository links,
      CartRepository carts,
      OrderRepository orders,
      CustomerRepository customers,
      AddressRepository addresses,
      Catalog catalog,
      Tx tx,
      Clock clock,
      Supplier<String> sandboxOrigin,
      CheckoutApiService checkoutState) {
    this.links = links;
    this.checkoutState = checkoutState;
    this.carts = carts;
    this.orders = orders;
    this.customers = customers;
    this.addresses = addresses;
    this.catalog = catalog;
    this.tx = tx;
    this.clock = clock;
    this.sandboxOrigin = sandboxOrigin;
  }

  /**
   * {@code cart.createCartRedirectUrls}: a new one-time link for a cart the requester may see (a
   * guest cart, or the requester's own, of the request's channel), else a {@code NotFoundError}.
   * {@code queryParams} are appended to both URLs, encoded.
   */
  public Results.CreateCartRedirectUrlsResult createRedirectUrls(
      Requester requester, String cartId, List<Map.Entry<String, String>> queryParams) {
    String query = queryString(queryParams);
    Optional<CartRecord> cart =
        cartId == null || cartId.isBlank()
            ? Optional.empty()
            : carts
                .find(cartId.trim())
                .filter(c -> c.channelId() == requester.channelId())
                .filter(
                    c -> c.customerId() == null || c.customerId().equals(requester.customerId()))
                .filter(c -> !carts.lines(c.entityId()).isEmpty());
    if (cart.isEmpty()) {
      return new Results.CreateCartRedirectUrlsResult(
          null,
          List.of(
              new Errors.NotFoundError(
                  "Cart not found: " + (cartId == null ? "" : cartId.trim()))));
    }
    if (made.incrementAndGet() % PURGE_EVERY == 0) {
      links.purge(clock.instant().minus(Duration.ofDays(1)));
    }
    String token = newSecret();
    Instant now = clock.instant();
    links.insert(
        hash(token),
        cart.get().entityId(),
        requester.customerId(),
        requester.accessTokenHash(),
        query,
        now,
        now.plus(LINK_LIFETIME));
    String suffix = token + (query.isEmpty() ? "" : "?" + query);
    String origin = sandboxOrigin.get();
    return new Results.CreateCartRedirectUrlsResult(
        new Results.CartRedirectUrls(origin + PATH + suffix, origin + EMBEDDED_PATH + suffix),
        List.of());
  }

  /** Opens a link: uses it up and starts a checkout session, or says why not. */
  public Outcome open(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return new Refused(Refusal.INVALID);
    }
    return tx.run(
        () -> {
          Optional<CheckoutLink> found = links.findByToken(hash(token));
          if (found.isEmpty()) {
            return new Refused(Refusal.INVALID);
          }
          CheckoutLink link = found.get();
          Instant now = clock.instant();
          if (link.openedAt() != null) {
            return new Refused(Refusal.USED, channelOf(link));
          }
          if (!link.expiresAt().isAfter(now)) {
            return new Refused(Refusal.EXPIRED, channelOf(link));
          }
          Optional<Refusal> cartProblem = cartProblem(link);
          if (cartProblem.isPresent()) {
            return new Refused(cartProblem.get(), channelOf(link));
          }
          String secret = newSecret();
          if (!links.open(link.tokenHash(), hash(secret), now, now.plus(SESSION_LIFETIME))) {
            return new Refused(Refusal.USED, channelOf(link));
          }
          return new Show(session(link, secret), Form.empty(), Map.of());
        });
  }

  /**
   * Places the order of a checkout session: validates the form (errors → the form again), then in
   * one transaction with the session's row locked stores the order and its lines and deletes the
   * cart. A session that already placed its order answers that order.
   */
  public Outcome place(String sessionSecret, Form form) {
    if (sessionSecret == null || !TOKEN.matcher(sessionSecret).matches()) {
      return new Refused(Refusal.INVALID);
    }
    String sessionHash = hash(sessionSecret);
    return tx.run(
        () -> {
          Optional<CheckoutLink> found = links.lockBySession(sessionHash);
          if (found.isEmpty()) {
            return new Refused(Refusal.INVALID);
          }
          CheckoutLink link = found.get();
          if (link.orderId() != null) {
            OrderRecord order = orders.find(link.orderId()).orElseThrow();
            // the cart was deleted with the order: its channel comes back from the page's form
            return new Placed(
                order,
                checkoutState.currency(order.currencyCode()),
                orderLines(order),
                channel(form.channel()));
          }
          if (!link.sessionExpiresAt().isAfter(clock.instant())) {
            return new Refused(Refusal.EXPIRED, channelOf(link));
          }
          Optional<Refusal> cartProblem = cartProblem(link);
          if (cartProblem.isPresent()) {
            return new Refused(cartProblem.get(), channelOf(link));
          }
          Session session = session(link, sessionSecret);
          Map<String, String> errors = new LinkedHashMap<>();
          OrderRecord.Address address = address(session, form, errors);
          Optional<Shipping> shipping = Shipping.of(form.shipping());
          if (shipping.isEmpty()) {
            errors.put("shipping", "Choose a shipping method.");
          }
          if (!TEST_PAYMENT.equals(form.payment())) {
            errors.put("payment", "Choose a payment method.");
          }
          if (!errors.isEmpty() || address == null || shipping.isEmpty()) {
            return new Show(session, form, errors);
          }
          int quantity = session.lines().stream().mapToInt(Line::quantity).sum();
          CurrencyRecord currency = session.currency();
          BigDecimal shippingCost = currency.convert(shipping.get().cost);
          CheckoutApiService.Adjustments adjustments =
              checkoutState.adjustments(link.cartId(), currency, session.subTotal(), shippingCost);
          long orderId =
              orders.insert(
                  link.customerId(),
                  link.cartId(),
                  PLACED_STATUS,
                  PLACED_STATUS_LABEL,
                  clock.instant(),
                  currency.code(),
                  session.subTotal(),
                  shippingCost,
                  adjustments.discountTotal(),
                  quantity,
                  null,
                  address);
          for (CheckoutApiService.Applied coupon : adjustments.couponDiscounts()) {
            orders.insertCouponDiscount(orderId, coupon.code(), coupon.amount());
          }
          for (CheckoutApiService.Applied certificate : adjustments.giftCertificates()) {
            orders.insertGiftCertificateUse(orderId, certificate.code(), certificate.amount());
          }
          checkoutState.redeem(adjustments);
          for (Line line : session.lines()) {
            orders.insertLine(
                orderId, line.productEntityId(), line.name(), line.quantity(), line.unitPrice());
          }
          carts.delete(link.cartId());
          links.completed(link.tokenHash(), orderId);
          OrderRecord order = orders.find(orderId).orElseThrow();
          return new Placed(order, currency, session.lines(), session.channelId());
        });
  }

  /** The channel of the link's cart, or null once the cart is gone. */
  private Long channelOf(CheckoutLink link) {
    return carts.find(link.cartId()).map(CartRecord::channelId).orElse(null);
  }

  /** A channel id as the form sent it, or null when it is not one. */
  private static Long channel(String value) {
    if (value == null || !value.matches("[1-9][0-9]{0,9}")) {
      return null;
    }
    return Long.valueOf(value);
  }

  /** Why the link's cart cannot be checked out (now) by the link's shopper, if it cannot. */
  private Optional<Refusal> cartProblem(CheckoutLink link) {
    if (link.customerId() != null
        && (link.accessTokenHash() == null
            || !links.accessTokenLive(link.accessTokenHash(), clock.instant()))) {
      return Optional.of(Refusal.SIGNED_OUT);
    }
    Optional<CartRecord> cart = carts.find(link.cartId());
    if (cart.isEmpty() || carts.lines(link.cartId()).isEmpty()) {
      return Optional.of(Refusal.CART_GONE);
    }
    Long owner = cart.get().customerId();
    if (owner != null && !owner.equals(link.customerId())) {
      return Optional.of(Refusal.OTHER_CUSTOMER);
    }
    return Optional.empty();
  }

  private Session session(CheckoutLink link, String secret) {
    CustomerRecord customer =
        link.customerId() == null ? null : customers.findById(link.customerId()).orElse(null);
    int group = customer == null ? Catalog.DEFAULT_CUSTOMER_GROUP : customer.customerGroupId();
    // priced as the cart is: unit prices converted to the cart's currency, then multiplied
    CartRecord cart = carts.find(link.cartId()).orElseThrow();
    CurrencyRecord currency = checkoutState.currency(cart.currencyCode());
    List<Line> lines = new ArrayList<>();
    BigDecimal subTotal = BigDecimal.ZERO;
    for (CartLineRecord line : carts.lines(link.cartId())) {
      ProductRecord p = catalog.product(line.productId()).orElseThrow();
      BigDecimal unit = currency.convert(catalog.priceFor(p, group));
      BigDecimal total = unit.multiply(BigDecimal.valueOf(line.quantity()));
      subTotal = subTotal.add(total);
      lines.add(new Line(p.entityId(), p.name(), line.quantity(), unit, total));
    }
    List<AddressRecord> saved = customer == null ? List.of() : addresses.list(customer.entityId());
    CheckoutApiService.Adjustments adjustments =
        checkoutState.adjustments(link.cartId(), currency, subTotal, BigDecimal.ZERO);
    return new Session(
        secret,
        customer,
        saved,
        currency,
        cart.channelId(),
        lines,
        subTotal,
        link.queryString(),
        adjustments.couponDiscounts(),
        adjustments.giftCertificates());
  }

  private List<Line> orderLines(OrderRecord order) {
    return orders
        .lines(List.of(order.entityId()))
        .getOrDefault(order.entityId(), List.of())
        .stream()
        .map(
            l ->
                new Line(
                    l.productId(),
                    l.name(),
                    l.quantity(),
                    l.price(),
                    l.price().multiply(BigDecimal.valueOf(l.quantity()))))
        .toList();
  }

  /**
   * The billing (and shipping) address from a saved address or the entered one; null with errors
   * when invalid.
   */
  private static OrderRecord.Address address(
      Session session, Form form, Map<String, String> errors) {
    CustomerRecord customer = session.customer();
    String email = customer != null ? customer.email() : trim(form.email());
    if (customer == null) {
      if (email == null) {
        errors.put("email", "Enter your email address.");
      } else if (email.length() > 255 || !email.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+")) {
        errors.put("email", "Enter a valid email address.");
      }
    }
    String addressId = trim(form.addressId());
    if (customer != null && addressId != null && !addressId.equals("new")) {
      Optional<AddressRecord> saved =
          session.addresses().stream()
              .filter(a -> String.valueOf(a.entityId()).equals(addressId))
              .findFirst();
      if (saved.isEmpty()) {
        errors.put("addressId", "Choose one of your addresses.");
        return null;
      }
      AddressRecord a = saved.get();
      return new OrderRecord.Address(
          a.firstName(),
          a.lastName(),
          a.company(),
          a.address1(),
          a.address2(),
          a.city(),
          a.stateOrProvince(),
          null,
          COUNTRIES.getOrDefault(a.countryCode(), a.countryCode()),
          a.countryCode(),
          a.postalCode() == null ? "" : a.postalCode(),
          a.phone(),
          email);
    }
    String firstName = required(form.firstName(), "firstName", "Enter a first name.", 100, errors);
    String lastName = required(form.lastName(), "lastName", "Enter a last name.", 100, errors);
    String address1 = required(form.address1(), "address1", "Enter a street address.", 255, errors);
    String city = required(form.city(), "city", "Enter a city.", 100, errors);
    String postalCode =
        required(form.postalCode(), "postalCode", "Enter a postal code.", 30, errors);
    String country = trim(form.countryCode());
    if (country == null || !COUNTRIES.containsKey(country)) {
      errors.put("countryCode", "Choose a country.");
    }
    String company = optional(form.company(), "company", 255, errors);
    String address2 = optional(form.address2(), "address2", 255, errors);
    String state = optional(form.stateOrProvince(), "stateOrProvince", 100, errors);
    String phone = optional(form.phone(), "phone", 50, errors);
    if (!errors.isEmpty()) {
      return null;
    }
    return new OrderRecord.Address(
        firstName,
        lastName,
        company,
        address1,
        address2,
        city,
        state,
        null,
        COUNTRIES.get(country),
        country,
        postalCode,
        phone,
        email);
  }

  private static String required(
      String value, String field, String message, int max, Map<String, String> errors) {
    String v = trim(value);
    if (v == null) {
      errors.put(field, message);
    } else if (v.length() > max) {
      errors.put(field, "At most " + max + " characters.");
    }
    return v;
  }

  private static String optional(String value, String field, int max, Map<String, String> errors) {
    String v = trim(value);
    if (v != null && v.length() > max) {
      errors.put(field, "At most " + max + " characters.");
    }
    return v;
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static String queryString(List<Map.Entry<String, String>> params) {
    if (params == null || params.isEmpty()) {
      return "";
    }
    if (params.size() > MAX_QUERY_PARAMS) {
      throw new dev.storefrontsession.sandbox.internal.ApiException(
          "At most " + MAX_QUERY_PARAMS + " queryParams are allowed.", "INVALID_INPUT");
    }
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> p : params) {
      if (p.getKey().isEmpty()
          || p.getKey().length() > MAX_QUERY_PARAM_LENGTH
          || p.getValue().length() > MAX_QUERY_PARAM_LENGTH) {
        throw new dev.storefrontsession.sandbox.internal.ApiException(
            "A query parameter's key must be 1 to "
                + MAX_QUERY_PARAM_LENGTH
                + " characters and its value at most "
                + MAX_QUERY_PARAM_LENGTH
                + ".",
            "INVALID_INPUT");
      }
      if (query.length() > 0) {
        query.append('&');
      }
      query
          .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> countries() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("US", "United States");
    m.put("CA", "Canada");
    m.put("GB", "United Kingdom");
    m.put("AU", "Australia");
    m.put("DE", "Germany");
    m.put("FR", "France");
    m.put("NL", "Netherlands");
    return java.util.Collections.unmodifiableMap(m);
  }
}
