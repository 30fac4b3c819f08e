package dev.storefrontsession.client;

import java.util.Objects;

/**
 * A successful sign-in.
 *
 * @param accessToken the customer access token (value and expiry); redacted in {@link #toString()}
 * @param customer who signed in
 * @param cartId the cart the customer has now (assigned, combined or restored), or null
 * @param guestCartId the guest cart id that was sent, or null
 * @param redirectTo for a Customer Login JWT sign-in, where to send the shopper; null for a
 *     password sign-in
 */
public record CustomerLogin(
    CustomerAccessToken accessToken,
    Customer customer,
    String cartId,
    String guestCartId,
    String redirectTo) {

  public CustomerLogin {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(customer, "customer");
  }

  /** What happened to the cart. */
  public CartOutcome cartOutcome() {
    return CartOutcome.of(guestCartId, cartId);
  }
}
