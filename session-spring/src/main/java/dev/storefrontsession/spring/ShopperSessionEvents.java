package dev.storefrontsession.spring;

import dev.storefrontsession.core.RejectionReason;
import java.util.List;

/**
 * What happens to shoppers' sessions, for metrics and the audit log: sign-ins and their outcome,
 * sign-outs, cookies rejected and why, session cookies re-issued, customer access tokens found
 * invalid. Nothing passed holds a token, a secret, an email or a cart id: a customer's numeric id
 * at most.
 *
 * <p>Every bean of this type is told (session-spring registers a Micrometer one when the app has
 * Micrometer, and an audit log). Methods run on the request's thread, some on every request that
 * carries a cookie: keep them cheap, thread-safe, and never throw.
 */
public interface ShopperSessionEvents {

  /** Tells nobody. */
  ShopperSessionEvents NONE = new ShopperSessionEvents() {};

  /** How a shopper signed in. */
  enum SignInMethod {
    /** Email and password ({@code login}). */
    PASSWORD,
    /** Customer Login JWT ({@code loginWithCustomerLoginJwt}, SSO). */
    JWT,
    /** A new customer access token after the shopper changed the password. */
    RENEWAL;
  }

  /** How a sign-out went at the store; the shopper is signed out here in every case. */
  enum SignOutOutcome {
    /** The store revoked the customer access token. */
    REVOKED,
    /** The store no longer accepted the token (expired or revoked before). */
    TOKEN_INVALID,
    /** The store could not be reached or failed. */
    STORE_UNAVAILABLE,
    /** The session held no customer access token. */
    NO_TOKEN;
  }

  /** Which cookie a rejection concerns. */
  enum CookieKind {
    SESSION,
    ANONYMOUS;
  }

  /** Why a signed-in session's cookie was written again without a sign-in. */
  enum ReissueReason {
    /** Older than the update age (rolling session). */
    ROLLING,
    /** Its claims changed (cart, name). */
    CLAIMS_CHANGED;
  }

  /** How a customer access token was found invalid. */
  enum InvalidTokenSource {
    /** Its expiry, kept in the session, had passed: not sent to the store. */
    EXPIRED,
    /** The store rejected it ({@code INVALID_CUSTOMER_ACCESS_TOKEN} and the like). */
    REJECTED_BY_STORE;
  }

  /** A shopper signed in as customer {@code customerId} (the store's entity id). */
  default void signedIn(SignInMethod method, long customerId) {}

  /** A sign-in was refused or failed. */
  default void signInFailed(SignInMethod method, SignInResult.Reason reason) {}

  /** A signed-in shopper signed out. */
  default void signedOut(SignOutOutcome outcome) {}

  /** A cookie was ignored and cleared. */
  default void cookieRejected(CookieKind cookie, RejectionReason reason) {}

  /** A signed-in session's cookie was written again. */
  default void sessionReissued(ReissueReason reason) {}

  /** The shopper was signed out because the customer access token is no longer valid. */
  default void customerAccessTokenInvalid(InvalidTokenSource source) {}

  /**
   * Tells each of {@code listeners} in order; one that throws does not keep the others from
   * hearing.
   */
  static ShopperSessionEvents of(List<? extends ShopperSessionEvents> listeners) {
    if (listeners.isEmpty()) {
      return NONE;
    }
    if (listeners.size() == 1) {
      return listeners.get(0);
    }
    return new dev.storefrontsession.spring.internal.CompositeSessionEvents(listeners);
  }
}
