package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.GraphQLError;
import dev.storefrontsession.client.StorefrontApiException;
import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.client.StorefrontGraphQLException;
import dev.storefrontsession.storefront.internal.Views.Address;
import dev.storefrontsession.storefront.internal.Views.OrderDetail;
import dev.storefrontsession.storefront.internal.Views.OrderLine;
import dev.storefrontsession.storefront.internal.Views.OrderSummary;
import dev.storefrontsession.storefront.internal.Views.Profile;
import dev.storefrontsession.storefront.internal.Views.WishlistItemView;
import dev.storefrontsession.storefront.internal.Views.WishlistView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The signed-in shopper's account: always sent with the shopper's CAT and never cached. When the
 * store rejects the CAT the client's typed exception propagates and session-spring signs the
 * shopper out (keeping the cart).
 */
@Service
public class AccountService {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private final StoreGateway store;
  private final CatalogService catalog;

  public AccountService(StoreGateway store, CatalogService catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  public Optional<Profile> profile() {
    JsonNode c =
        store.privateQuery(Documents.CUSTOMER_PROFILE, Map.of(), "customer").path("customer");
    if (Json.absent(c)) {
      return Optional.empty();
    }
    return Optional.of(
        new Profile(
            Json.text(c, "firstName"),
            Json.text(c, "lastName"),
            Json.text(c, "email"),
            Json.text(c, "phone"),
            Json.text(c, "company"),
            Json.text(c, "customerGroupName")));
  }

  /** Updates the profile; returns the store's error message, or empty on success. */
  public Optional<String> updateProfile(Profile p) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("firstName", p.firstName());
    input.put("lastName", p.lastName());
    input.put("email", p.email());
    input.put("phone", p.phone() == null ? "" : p.phone());
    input.put("company", p.company() == null ? "" : p.company());
    JsonNode result =
        store
            .mutation(Documents.UPDATE_CUSTOMER, Map.of("input", input), "customer")
            .path("customer")
            .path("updateCustomer");
    return firstError(result);
  }

  /**
   * Changes the signed-in shopper's password (sent with the shopper's CAT); returns the store's
   * error message (wrong current password, password policy), or empty on success.
   *
   * @throws TooManyAttemptsException when the store throttles the shopper's password checks
   */
  public Optional<String> changePassword(String currentPassword, String newPassword) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("currentPassword", currentPassword);
    input.put("newPassword", newPassword);
    JsonNode result;
    try {
      result =
          store
              .mutation(PasswordDocuments.CHANGE_PASSWORD, Map.of("input", input), "customer")
              .path("customer")
              .path("changePassword");
    } catch (StorefrontGraphQLException e) {
      if (!(e instanceof StorefrontAuthException)
          && e.errors().stream().anyMatch(AccountService::throttled)) {
        throw new TooManyAttemptsException();
      }
      throw e;
    } catch (StorefrontApiException e) {
      if (e.isRateLimited()) {
        throw new TooManyAttemptsException();
      }
      throw e;
    }
    return firstError(result);
  }

  private static boolean throttled(GraphQLError error) {
    String code = error.code() == null ? "" : error.code().toUpperCase(Locale.ROOT);
    return code.contains("TOO_MANY") || code.contains("RATE_LIMIT");
  }

  /**
   * Registers a customer (a guest call); returns the store's error message, or empty on success.
   */
  public Optional<String> register(
      String firstName, String lastName, String email, String password) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("firstName", firstName);
    input.put("lastName", lastName);
    input.put("email", email);
    input.put("password", password);
    JsonNode result =
        store
            .mutation(Documents.REGISTER_CUSTOMER, Map.of("input", input), "customer")
            .path("customer")
            .path("registerCustomer");
    Optional<String> error = firstError(result);
    if (error.isEmpty() && Json.absent(result.get("customer"))) {
      return Optional.of("The account could not be created. Please try again.");
    }
    return error;
  }

  public List<Address> addresses() {
    JsonNode c =
        store
            .privateQuery(Documents.CUSTOMER_ADDRESSES, Map.of("first", 50), "customer")
            .path("customer");
    return Json.edges(c.path("addresses"), AccountService::address);
  }

  public Optional<Address> address(int entityId) {
    return addresses().stream()
        .filter(a -> a.entityId() != null && a.entityId() == entityId)
        .findFirst();
  }

  public Optional<String> addAddress(Address a) {
    JsonNode result =
        store
            .mutation(Documents.ADD_ADDRESS, Map.of("input", addressInput(a)), "customer")
            .path("customer")
            .path("addCustomerAddress");
    return firstError(result);
  }

  public Optional<String> updateAddress(int entityId, Address a) {
    JsonNode result =
        store
            .mutation(
                Documents.UPDATE_ADDRESS,
                Map.of("input", Map.of("addressEntityId", entityId, "data", addressInput(a))),
                "customer")
            .path("customer")
            .path("updateCustomerAddress");
    return firstError(result);
  }

  public Optional<String> deleteAddress(int entityId) {
    JsonNode result =
        store
            .mutation(
                Documents.DELETE_ADDRESS,
                Map.of("input", Map.of("addressEntityId", entityId)),
                "customer")
            .path("customer")
            .path("deleteCustomerAddress");
    return firstError(result);
  }

  public List<OrderSummary> orders() {
    JsonNode c =
        store
            .privateQuery(Documents.CUSTOMER_ORDERS, Map.of("first", 50), "customer")
            .path("customer");
    return Json.edges(
        c.path("orders"),
        o ->
            new OrderSummary(
                Json.integer(o, "entityId", 0),
                date(o.path("orderedAt")),
                Json.text(o.path("status"), "label"),
                Json.integer(o, "totalProductQuantity", 0),
                Money.format(o.path("totalIncTax"))));
  }

  public Optional<OrderDetail> order(int entityId) {
    JsonNode o =
        store
            .privateQuery(
                Documents.CUSTOMER_ORDER,
                Map.of("filter", Map.of("entityId", entityId)),
                "customer")
            .path("site")
            .path("order");
    if (Json.absent(o)) {
      return Optional.empty();
    }
    return Optional.of(detail(o, entityId));
  }

  /** An order of {@code site.order} as the account and confirmation pages show it. */
  static OrderDetail detail(JsonNode o, int entityId) {
    JsonNode b = o.path("billingAddress");
    String name = join(" ", Json.text(b, "firstName"), Json.text(b, "lastName"));
    String street =
        join(
            ", ",
            Json.text(b, "address1"),
            Json.text(b, "address2"),
            Json.text(b, "city"),
            Json.text(b, "stateOrProvince"),
            Json.text(b, "postalCode"),
            Json.text(b, "countryCode"));
    return new OrderDetail(
        Json.integer(o, "entityId", entityId),
        date(o.path("orderedAt")),
        Json.text(o.path("status"), "label"),
        Json.integer(o, "totalProductQuantity", 0),
        Money.format(o.path("subTotal")),
        Money.format(o.path("shippingCostTotal")),
        Money.format(o.path("taxTotal")),
        Money.format(o.path("totalIncTax")),
        name,
        street.isBlank() ? null : street,
        orderLines(o));
  }

  /** The lines of every shipping consignment of an order, in the store's order. */
  static List<OrderLine> orderLines(JsonNode order) {
    List<OrderLine> lines = new ArrayList<>();
    for (List<OrderLine> consignment :
        Json.edges(
            order.path("consignments").path("shipping"),
            c -> Json.edges(c.path("lineItems"), AccountService::orderLine))) {
      lines.addAll(consignment);
    }
    return lines;
  }

  private static OrderLine orderLine(JsonNode item) {
    int quantity = Json.integer(item, "quantity", 0);
    JsonNode total = item.path("subTotalSalePrice");
    BigDecimal totalValue = Money.value(total);
    String unit =
        totalValue == null || quantity <= 0
            ? null
            : Money.format(
                totalValue.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP),
                Json.text(total, "currencyCode"));
    return new OrderLine(
        Json.integer(item, "entityId", 0),
        Json.integer(item, "productEntityId", 0),
        Json.text(item, "name"),
        Json.text(item, "sku"),
        quantity,
        unit,
        Money.format(total));
  }

  public List<WishlistView> wishlists() {
    JsonNode c =
        store
            .privateQuery(Documents.CUSTOMER_WISHLISTS, Map.of("first", 50), "customer")
            .path("customer");
    return Json.edges(
        c.path("wishlists"),
        w ->
            new WishlistView(
                Json.integer(w, "entityId", 0),
                Json.text(w, "name"),
                Json.bool(w, "isPublic"),
                Json.edges(
                        w.path("items"),
                        i ->
                            Json.absent(i.get("product"))
                                ? null
                                : new WishlistItemView(
                                    Json.integer(i, "entityId", 0),
                                    catalog.card(i.path("product"))))
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .toList()));
  }

  public void createWishlist(String name) {
    store.mutation(
        Documents.CREATE_WISHLIST,
        Map.of("input", Map.of("name", name, "isPublic", false)),
        "customer");
  }

  public void addToWishlist(int wishlistEntityId, int productEntityId) {
    store.mutation(
        Documents.ADD_WISHLIST_ITEMS,
        Map.of(
            "input",
            Map.of(
                "entityId",
                wishlistEntityId,
                "items",
                List.of(Map.of("productEntityId", productEntityId)))),
        "customer");
  }

  public void removeFromWishlist(int wishlistEntityId, int itemEntityId) {
    store.mutation(
        Documents.DELETE_WISHLIST_ITEMS,
        Map.of(
            "input", Map.of("entityId", wishlistEntityId, "itemEntityIds", List.of(itemEntityId))),
        "customer");
  }

  private static Address address(JsonNode a) {
    return new Address(
        Json.integerOrNull(a, "entityId"),
        Json.text(a, "firstName"),
        Json.text(a, "lastName"),
        Json.text(a, "company"),
        Json.text(a, "address1"),
        Json.text(a, "address2"),
        Json.text(a, "city"),
        Json.text(a, "stateOrProvince"),
        Json.text(a, "postalCode"),
        Json.text(a, "countryCode"),
        Json.text(a, "phone"));
  }

  private static Map<String, Object> addressInput(Address a) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("firstName", a.firstName());
    input.put("lastName", a.lastName());
    input.put("address1", a.address1());
    input.put("address2", blankToNull(a.address2()));
    input.put("city", a.city());
    input.put("company", blankToNull(a.company()));
    input.put(
        "countryCode",
        a.countryCode() == null ? null : a.countryCode().trim().toUpperCase(Locale.ROOT));
    input.put("stateOrProvince", blankToNull(a.stateOrProvince()));
    input.put("phone", blankToNull(a.phone()));
    input.put("postalCode", blankToNull(a.postalCode()));
    input.values().removeIf(java.util.Objects::isNull);
    return input;
  }

  /** The first typed error's message from a mutation result's {@code errors}. */
  static Optional<String> firstError(JsonNode result) {
    if (Json.absent(result)) {
      return Optional.of("The store did not accept the change. Please try again.");
    }
    for (JsonNode e : result.path("errors")) {
      String message = Json.text(e, "message");
      return Optional.of(
          message == null || message.isBlank() ? "The store did not accept the change." : message);
    }
    return Optional.empty();
  }

  private static String date(JsonNode dateTimeExtended) {
    String utc = Json.text(dateTimeExtended, "utc");
    if (utc == null) {
      return "";
    }
    try {
      return DATE.format(Instant.parse(utc));
    } catch (DateTimeParseException e) {
      return utc;
    }
  }

  private static String join(String sep, String... parts) {
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        kept.add(p);
      }
    }
    return String.join(sep, kept);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
