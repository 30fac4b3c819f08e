package dev.storefrontsession.spring;

import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded, signed-in session: the shopper as Spring Security principal
 * ({@code @AuthenticationPrincipal ShopperSession}). Immutable; {@link #toString()} never shows the
 * customer access token.
 */
public final class ShopperSession {

  private final SessionClaims claims;

  /**
   * @param claims the decoded session cookie claims
   */
  public ShopperSession(SessionClaims claims) {
    this.claims = Objects.requireNonNull(claims, "claims");
  }

  /** The claims as decoded (or as about to be written). */
  public SessionClaims claims() {
    return claims;
  }

  private Optional<SessionUser> user() {
    return claims.user();
  }

  /** The customer access token, when the session has one. */
  public Optional<CustomerAccessToken> customerAccessToken() {
    return user().flatMap(SessionUser::customerAccessToken);
  }

  /**
   * The session's legacy single {@code cartId} (with channels, the cart last assigned), when any;
   * the cart of the request's channel is {@link ShopperSessions#cartId()}.
   */
  public Optional<String> cartId() {
    return user().map(SessionUser::cartId);
  }

  /** First name, when known. */
  public Optional<String> firstName() {
    return user().map(SessionUser::firstName);
  }

  /** Last name, when known. */
  public Optional<String> lastName() {
    return user().map(SessionUser::lastName);
  }

  /** Email, when known. */
  public Optional<String> email() {
    return Optional.ofNullable(claims.email());
  }

  /** Display name ({@code name} claim), when known. */
  public Optional<String> name() {
    return Optional.ofNullable(claims.name());
  }

  /**
   * The store staff member signed in as this customer ("login as customer", {@code
   * impersonator_id}), when any. While present, the storefront shows a banner and refuses password
   * and email changes.
   */
  public Optional<String> impersonatorId() {
    return Optional.ofNullable(claims.impersonatorId());
  }

  /** True while store staff are signed in as this customer. */
  public boolean isImpersonated() {
    return claims.impersonatorId() != null;
  }

  /** When the session cookie expires ({@code exp}), when known. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(claims.expiresAt());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShopperSession that && claims.equals(that.claims);
  }

  @Override
  public int hashCode() {
    return claims.hashCode();
  }

  @Override
  public String toString() {
    return "ShopperSession[email="
        + claims.email()
        + ", customerAccessToken="
        + (customerAccessToken().isPresent() ? "<redacted>" : "none")
        + "]";
  }
}
