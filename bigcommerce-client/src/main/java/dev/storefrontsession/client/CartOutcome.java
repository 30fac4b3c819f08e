package dev.storefrontsession.client;

import java.util.Objects;

/** What happened to the shopper's cart on sign-in (Catalyst's {@code handleLoginCart} table). */
public enum CartOutcome {
  /** No guest cart was sent and the customer has no cart. */
  NONE,
  /** No guest cart was sent; the customer's saved (persistent) cart came back. */
  RESTORED,
  /** The guest cart now belongs to the customer. */
  ASSIGNED,
  /** The guest cart's items went into the customer's existing cart, whose id came back. */
  COMBINED;

  static CartOutcome of(String guestCartId, String resultCartId) {
    if (guestCartId == null) {
      return resultCartId == null ? NONE : RESTORED;
    }
    if (resultCartId == null) {
      return NONE;
    }
    return Objects.equals(guestCartId, resultCartId) ? ASSIGNED : COMBINED;
  }
}
