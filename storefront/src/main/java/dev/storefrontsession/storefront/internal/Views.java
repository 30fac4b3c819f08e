package dev.storefrontsession.storefront.internal;

import java.util.List;

/** What the page templates render: plain immutable values built from API data. */
public final class Views {

  private Views() {}

  /**
   * Display prices as Catalyst shows them: a range when min and max differ; otherwise the
   * calculated price ({@code price}, which carries customer-group pricing), with the base price
   * struck through when on sale.
   */
  public record PriceView(String price, String compareAt, String rangeMin, String rangeMax) {
    public boolean isSale() {
      return compareAt != null;
    }

    public boolean isRange() {
      return rangeMin != null && rangeMax != null;
    }

    public boolean sale() {
      return isSale();
    }

    public boolean range() {
      return isRange();
    }
  }

  public record CategoryLink(int entityId, String name, String description, int productCount) {}

  public record ProductCard(
      int entityId,
      String name,
      String brand,
      String description,
      String sku,
      PriceView prices,
      String imageUrl) {
    public String initials() {
      return Views.initials(name);
    }

    public int hue() {
      return Math.floorMod(entityId * 47, 360);
    }
  }

  public record CategoryPage(CategoryLink category, List<ProductCard> products) {}

  public record CartLine(
      String entityId,
      int productEntityId,
      String name,
      int quantity,
      String unitPrice,
      String extendedPrice,
      String imageUrl) {
    public String initials() {
      return Views.initials(name);
    }

    public int hue() {
      return Math.floorMod(productEntityId * 47, 360);
    }
  }

  public record CartView(String entityId, List<CartLine> lines, String subtotal, int itemCount) {}

  /**
   * The header of every page.
   *
   * @param customerName the signed-in customer's name, or null
   * @param impersonatedBy the store staff member signed in as the customer ("login as customer"),
   *     or null: the page then shows a banner
   */
  public record HeaderView(
      List<CategoryLink> categories,
      int cartCount,
      boolean signedIn,
      String firstName,
      String customerName,
      String impersonatedBy) {

    public HeaderView(
        List<CategoryLink> categories, int cartCount, boolean signedIn, String firstName) {
      this(categories, cartCount, signedIn, firstName, null, null);
    }

    /**
     * The header for the current shopper, from the session cookie alone; a guest's when it cannot
     * be read.
     */
    static HeaderView of(
        List<CategoryLink> categories,
        int cartCount,
        dev.storefrontsession.spring.ShopperSessions shoppers) {
      try {
        java.util.Optional<dev.storefrontsession.spring.ShopperSession> session = shoppers.auth();
        return new HeaderView(
            categories,
            cartCount,
            shoppers.isLoggedIn(),
            session.flatMap(s -> s.firstName()).orElse(null),
            session.flatMap(s -> s.name()).orElse(null),
            session.flatMap(s -> s.impersonatorId()).orElse(null));
      } catch (RuntimeException e) {
        return new HeaderView(categories, cartCount, false, null);
      }
    }
  }

  public record Flash(String kind, String text) {}

  public record Profile(
      String firstName,
      String lastName,
      String email,
      String phone,
      String company,
      String customerGroupName) {}

  public record Address(
      Integer entityId,
      String firstName,
      String lastName,
      String company,
      String address1,
      String address2,
      String city,
      String stateOrProvince,
      String postalCode,
      String countryCode,
      String phone) {
    public static Address empty() {
      return new Address(null, "", "", "", "", "", "", "", "", "US", "");
    }
  }

  public record OrderSummary(
      int entityId, String placedAt, String status, int itemCount, String total) {}

  public record OrderDetail(
      int entityId,
      String placedAt,
      String status,
      int itemCount,
      String subtotal,
      String shipping,
      String tax,
      String total,
      String billingName,
      String billingAddress,
      List<OrderLine> lines) {}

  /** One line of a placed order: the unit price is the line total divided by the quantity. */
  public record OrderLine(
      int entityId,
      int productEntityId,
      String name,
      String sku,
      int quantity,
      String unitPrice,
      String total) {}

  public record WishlistItemView(int entityId, ProductCard product) {}

  public record WishlistView(
      int entityId, String name, boolean isPublic, List<WishlistItemView> items) {}

  static String initials(String name) {
    if (name == null || name.isBlank()) {
      return "?";
    }
    StringBuilder sb = new StringBuilder();
    for (String word : name.trim().split("\\s+")) {
      if (!word.isEmpty() && Character.isLetterOrDigit(word.charAt(0))) {
        sb.append(Character.toUpperCase(word.charAt(0)));
      }
      if (sb.length() == 2) {
        break;
      }
    }
    return sb.length() == 0 ? "?" : sb.toString();
  }
}
