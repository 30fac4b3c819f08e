package dev.storefrontsession.spring;

import java.util.Objects;

/** The outcome of a {@link ShopperSignIn} attempt. */
public sealed interface SignInResult permits SignInResult.Success, SignInResult.Failure {

  /** What happened to the guest cart at sign-in (Catalyst's {@code handleLoginCart}). */
  enum CartOutcome {
    /** No cart changed hands: none on either side, or the guest cart became the customer's. */
    NONE,
    /** The shopper had no guest cart and the store restored the customer's saved cart. */
    RESTORED,
    /** The guest cart's items were merged into the customer's existing cart. */
    COMBINED
  }

  /**
   * Signed in; the session cookie is set on the current response.
   *
   * @param firstName the customer's first name (may be empty, never null)
   * @param cart what happened to the guest cart
   * @param redirectTo where to send the shopper next: a path (and query) on this storefront, never
   *     another origin
   */
  record Success(String firstName, CartOutcome cart, String redirectTo) implements SignInResult {
    public Success {
      firstName = firstName == null ? "" : firstName;
      Objects.requireNonNull(cart, "cart");
      Objects.requireNonNull(redirectTo, "redirectTo");
    }
  }

  /** Why a sign-in failed. */
  enum Reason {
    /** Wrong email or password. */
    INVALID_CREDENTIALS,
    /** The store requires the customer to reset the password first. */
    RESET_PASSWORD_REQUIRED,
    /** The store refuses further attempts for now. */
    TOO_MANY_ATTEMPTS,
    /** The Customer Login JWT was rejected (bad signature, expired, reused, wrong store). */
    INVALID_TOKEN,
    /** The store could not be reached or failed; nothing about the session changed. */
    UPSTREAM_UNAVAILABLE
  }

  /**
   * Not signed in; cookies are unchanged.
   *
   * @param reason the kind of failure
   * @param message a message fit to show the shopper
   */
  record Failure(Reason reason, String message) implements SignInResult {
    public Failure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
