package dev.storefrontsession.core;

import dev.storefrontsession.core.internal.IsoInstant;
import dev.storefrontsession.core.internal.JsonValues;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code user} claim in Catalyst's layout: {@code {"customerAccessToken":…,
 * "customerAccessTokenExpiresAt":…, "cartId":…, "firstName":…, "lastName":…}}. {@code
 * customerAccessTokenExpiresAt} (ISO-8601) is this project's addition; Catalyst's cookies lack it.
 * Members the project does not know round-trip through {@link #extra()}, and the member order of a
 * decoded token is kept.
 *
 * <p>A known member of another JSON type than a string reads as absent (a numeric {@code
 * customerAccessToken}: not signed in; a numeric {@code cartId}: no cart), and so does an expiry
 * that is not an ISO-8601 instant (expiry unknown); the raw value is kept and written back
 * unchanged until a setter replaces it. Immutable and thread-safe.
 */
public final class SessionUser {

  static final String CUSTOMER_ACCESS_TOKEN = "customerAccessToken";
  static final String CUSTOMER_ACCESS_TOKEN_EXPIRES_AT = "customerAccessTokenExpiresAt";
  static final String CART_ID = "cartId";
  static final String CART_IDS = "cartIds";
  static final String FIRST_NAME = "firstName";
  static final String LAST_NAME = "lastName";
  private static final Set<String> KNOWN =
      Set.of(
          CUSTOMER_ACCESS_TOKEN,
          CUSTOMER_ACCESS_TOKEN_EXPIRES_AT,
          CART_ID,
          CART_IDS,
          FIRST_NAME,
          LAST_NAME);

  private final Map<String, Object> members;
  private final CustomerAccessToken customerAccessToken;

  /**
   * @param members unmodifiable JSON members in the value model of {@link JsonValues}
   */
  SessionUser(Map<String, Object> members) {
    this.members = members;
    String token = string(members, CUSTOMER_ACCESS_TOKEN);
    Instant expiry = null;
    if (token != null
        && !token.isEmpty()
        && members.get(CUSTOMER_ACCESS_TOKEN_EXPIRES_AT) instanceof String expiresAt) {
      try {
        expiry = IsoInstant.parse(expiresAt);
      } catch (DateTimeParseException unreadable) {
        expiry = null; // unknown, as in Catalyst's cookies: the store still checks the token itself
      }
    }
    this.customerAccessToken =
        token == null || token.isEmpty() ? null : new CustomerAccessToken(token, expiry);
  }

  /** The member {@code name} when it is a string, else null (absent, null or another JSON type). */
  private static String string(Map<String, Object> members, String name) {
    return members.get(name) instanceof String value ? value : null;
  }

  /**
   * An anonymous shopper's user: {@code {"cartId": cartId}} (the cart id may be null and is then
   * kept as null).
   */
  public static SessionUser anonymous(String cartId) {
    return builder().cartId(cartId).build();
  }

  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(members));
  }

  /** The customer access token of a signed-in customer, with its expiry when known. */
  public Optional<CustomerAccessToken> customerAccessToken() {
    return Optional.ofNullable(customerAccessToken);
  }

  /** The cart's entity id, or null (absent, null, or not a string). */
  public String cartId() {
    return string(members, CART_ID);
  }

  /**
   * The carts per channel ({@code cartIds}: channel id to cart id, Catalyst's layout for several
   * channels), in order; null when the member is absent, null or not an object. Entries whose cart
   * id is not a non-empty string are left out: that channel has no cart. Which cart a channel uses
   * is {@link ChannelCarts}'s business.
   */
  public Map<String, String> cartIds() {
    if (!(members.get(CART_IDS) instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, String> cartIds = new LinkedHashMap<>();
    map.forEach(
        (channel, cart) -> {
          if (cart instanceof String id && !id.isEmpty()) {
            cartIds.put((String) channel, id);
          }
        });
    return Collections.unmodifiableMap(cartIds);
  }

  /**
   * Both cart members, {@code cartId} and {@code cartIds}, with Catalyst's rules for a channel's
   * cart.
   */
  public ChannelCarts carts() {
    return new ChannelCarts(cartId(), cartIds());
  }

  /** Nullable (also when not a string). */
  public String firstName() {
    return string(members, FIRST_NAME);
  }

  /** Nullable (also when not a string). */
  public String lastName() {
    return string(members, LAST_NAME);
  }

  /**
   * True if the member {@code cartId} is present as a string or null (another JSON type counts as
   * absent).
   */
  public boolean hasCartId() {
    Object cartId = members.get(CART_ID);
    return cartId instanceof String || (cartId == null && members.containsKey(CART_ID));
  }

  /**
   * Unknown members, in order, unmodifiable (values: null, String, Boolean, Long, Double, List,
   * Map).
   */
  public Map<String, Object> extra() {
    Map<String, Object> extra = new LinkedHashMap<>();
    members.forEach(
        (key, value) -> {
          if (!KNOWN.contains(key)) {
            extra.put(key, value);
          }
        });
    return Collections.unmodifiableMap(extra);
  }

  /** The JSON members, in order (unmodifiable). */
  Map<String, Object> members() {
    return members;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SessionUser that && members.equals(that.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return "SessionUser[customerAccessToken="
        + (customerAccessToken == null ? "none" : "<redacted>")
        + ", cartId="
        + cartId()
        + ", cartIds="
        + cartIds()
        + ", firstName="
        + firstName()
        + ", lastName="
        + lastName()
        + ", extra="
        + extra().keySet()
        + "]";
  }

  /**
   * Builds a {@link SessionUser}; setting a known member keeps its position, a null removes it
   * (except cartId).
   */
  public static final class Builder {
    private final LinkedHashMap<String, Object> members;

    private Builder(LinkedHashMap<String, Object> members) {
      this.members = members;
    }

    /**
     * Sets the customer access token and its expiry (the expiry member is removed when unknown);
     * null removes both.
     */
    public Builder customerAccessToken(CustomerAccessToken token) {
      if (token == null) {
        members.remove(CUSTOMER_ACCESS_TOKEN);
        members.remove(CUSTOMER_ACCESS_TOKEN_EXPIRES_AT);
      } else {
        members.put(CUSTOMER_ACCESS_TOKEN, token.value());
        if (token.expiresAt() == null) {
          members.remove(CUSTOMER_ACCESS_TOKEN_EXPIRES_AT);
        } else {
          members.put(CUSTOMER_ACCESS_TOKEN_EXPIRES_AT, token.expiresAt().toString());
        }
      }
      return this;
    }

    /** Sets {@code cartId}; null is kept as JSON null (Catalyst's "no cart"). */
    public Builder cartId(String cartId) {
      members.put(CART_ID, cartId);
      return this;
    }

    /**
     * Sets {@code cartId} (kept as JSON null when null) and {@code cartIds} (removed when null;
     * written in the order a JavaScript object keeps it, channel ids ascending) from {@code carts}.
     */
    public Builder carts(ChannelCarts carts) {
      members.put(CART_ID, carts.cartId());
      if (carts.cartIds() == null) {
        members.remove(CART_IDS);
      } else {
        members.put(
            CART_IDS, Collections.unmodifiableMap(JsonValues.inJavaScriptOrder(carts.cartIds())));
      }
      return this;
    }

    /**
     * Sets {@code cartId} and {@code cartIds} exactly as {@code other} holds them (raw values, or
     * absent; both absent when {@code other} is null): server-side claim updates keep the session's
     * carts this way.
     */
    public Builder cartsOf(SessionUser other) {
      for (String name : new String[] {CART_ID, CART_IDS}) {
        if (other != null && other.members.containsKey(name)) {
          members.put(name, other.members.get(name));
        } else {
          members.remove(name);
        }
      }
      return this;
    }

    /** Removes the {@code cartId} member entirely. */
    public Builder removeCartId() {
      members.remove(CART_ID);
      return this;
    }

    public Builder firstName(String firstName) {
      return putOrRemove(FIRST_NAME, firstName);
    }

    public Builder lastName(String lastName) {
      return putOrRemove(LAST_NAME, lastName);
    }

    /** Sets an unknown member (a JSON value; null is kept as null). */
    public Builder extra(String name, Object value) {
      if (KNOWN.contains(name)) {
        throw new IllegalArgumentException(name + " is a known member; use its setter");
      }
      members.put(name, JsonValues.normalize(value));
      return this;
    }

    public Builder removeExtra(String name) {
      if (!KNOWN.contains(name)) {
        members.remove(name);
      }
      return this;
    }

    private Builder putOrRemove(String name, String value) {
      if (value == null) {
        members.remove(name);
      } else {
        members.put(name, value);
      }
      return this;
    }

    public SessionUser build() {
      return new SessionUser(Collections.unmodifiableMap(new LinkedHashMap<>(members)));
    }
  }
}
