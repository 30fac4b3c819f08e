package dev.storefrontsession.client;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a Storefront API call is made for: a guest or a signed-in customer (with a customer access
 * token), plus the shopper's IP (forwarded on non-cacheable calls) and locale ({@code
 * Accept-Language}, channel resolution).
 *
 * <p>Immutable and thread-safe. A call made with a customer context is never cached.
 */
public final class CustomerContext {

  private static final CustomerContext GUEST = new CustomerContext(null, null, null);

  private final CustomerAccessToken accessToken;
  private final String shopperIp;
  private final String locale;

  private CustomerContext(CustomerAccessToken accessToken, String shopperIp, String locale) {
    this.accessToken = accessToken;
    this.shopperIp = shopperIp;
    this.locale = locale;
  }

  /** A guest: no customer access token. */
  public static CustomerContext guest() {
    return GUEST;
  }

  /** A signed-in customer. */
  public static CustomerContext customer(CustomerAccessToken accessToken) {
    return new CustomerContext(Objects.requireNonNull(accessToken, "accessToken"), null, null);
  }

  /**
   * The shopper's IP: exactly one IPv4 or IPv6 address (see {@link ShopperIp}), kept in canonical
   * form; sent as {@code X-Forwarded-For} and {@code True-Client-IP} on non-cacheable calls only. A
   * store throttles logins per shopper IP, so this must be the address of the shopper as the
   * storefront's own trusted proxy saw it, never a header value the shopper could choose.
   *
   * @throws IllegalArgumentException when not blank and not exactly one IP address (the message
   *     does not echo it)
   */
  public CustomerContext withShopperIp(String shopperIp) {
    if (shopperIp == null || shopperIp.isBlank()) {
      return new CustomerContext(accessToken, null, locale);
    }
    String ip =
        ShopperIp.canonical(shopperIp.trim())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "shopper IP must be exactly one IPv4 or IPv6 address"));
    return new CustomerContext(accessToken, ip, locale);
  }

  /**
   * The shopper's locale (e.g. {@code en}); sent as {@code Accept-Language} and used to pick the
   * channel.
   */
  public CustomerContext withLocale(String locale) {
    String l =
        locale == null || locale.isBlank()
            ? null
            : HeaderValues.requireSafe("locale", locale.trim());
    return new CustomerContext(accessToken, shopperIp, l);
  }

  /** This context without the customer access token (same IP and locale). */
  public CustomerContext asGuest() {
    return accessToken == null ? this : new CustomerContext(null, shopperIp, locale);
  }

  /** This context with the given customer access token (same IP and locale). */
  public CustomerContext asCustomer(CustomerAccessToken token) {
    return new CustomerContext(Objects.requireNonNull(token, "token"), shopperIp, locale);
  }

  public boolean isCustomer() {
    return accessToken != null;
  }

  public boolean isGuest() {
    return accessToken == null;
  }

  public Optional<CustomerAccessToken> accessToken() {
    return Optional.ofNullable(accessToken);
  }

  public Optional<String> shopperIp() {
    return Optional.ofNullable(shopperIp);
  }

  public Optional<String> locale() {
    return Optional.ofNullable(locale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerContext other
        && Objects.equals(accessToken, other.accessToken)
        && Objects.equals(shopperIp, other.shopperIp)
        && Objects.equals(locale, other.locale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessToken, shopperIp, locale);
  }

  @Override
  public String toString() {
    return "CustomerContext["
        + (accessToken == null ? "guest" : "customer, token=<redacted>")
        + ", shopperIp="
        + shopperIp
        + ", locale="
        + locale
        + "]";
  }
}
