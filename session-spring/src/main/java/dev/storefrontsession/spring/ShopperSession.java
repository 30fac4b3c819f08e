package dev.storefrontsession.spring;

import dev.storefrontsession.core.ChannelCarts;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A decoded, signed-in session as read on one request: the shopper as Spring Security principal
 * ({@code @AuthenticationPrincipal ShopperSession}), with the channel of that request. The session
 * keeps one cart per channel in Catalyst's layout ({@code user.cartIds}, beside the legacy single
 * {@code user.cartId}), so {@link #cartId()} is the cart of this request's channel, as {@link
 * ShopperSessions#cartId()} answers it. Immutable; {@link #toString()} never shows the customer
 * access token.
 */
public final class ShopperSession {

  private final SessionClaims claims;
  private final @Nullable String channelId;

  /**
   * The session as read on a request of {@code channelId}.
   *
   * @param claims the decoded session cookie claims
   * @param channelId the request's channel, in decimal (the key of {@code user.cartIds})
   */
  public ShopperSession(SessionClaims claims, String channelId) {
    this.claims = Objects.requireNonNull(claims, "claims");
    this.channelId = Objects.requireNonNull(channelId, "channelId");
  }

  /**
   * A session read for no channel: {@link #cartId()} then throws (use {@link #cartId(String)}).
   *
   * @param claims the decoded session cookie claims
   * @deprecated a session has one cart per channel: use {@link #ShopperSession(SessionClaims,
   *     String)}
   */
  @Deprecated
  public ShopperSession(SessionClaims claims) {
    this.claims = Objects.requireNonNull(claims, "claims");
    this.channelId = null;
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

  /** The channel this session was read for (decimal), when known. */
  public Optional<String> channelId() {
    return Optional.ofNullable(channelId);
  }

  /**
   * The cart of the channel this session was read for (the request's), by Catalyst's rules: its
   * entry in {@code user.cartIds}; a session written before channels (only {@code user.cartId})
   * gives its cart to the first channel that asks, and session-spring stores that answer before it
   * hands out the principal. The same answer as {@link ShopperSessions#cartId()} on that request.
   *
   * @throws IllegalStateException when the session was made for no channel ({@link
   *     #ShopperSession(SessionClaims)})
   */
  public Optional<String> cartId() {
    if (channelId == null) {
      throw new IllegalStateException(
          "This ShopperSession was made without a channel: use cartId(channelId)");
    }
    return cartId(channelId);
  }

  /**
   * The cart of {@code channelId} (decimal), by Catalyst's rules (see {@link #cartId()}); read
   * only, nothing is stored.
   */
  public Optional<String> cartId(String channelId) {
    Objects.requireNonNull(channelId, "channelId");
    return Optional.ofNullable(ChannelCarts.of(user().orElse(null)).forChannel(channelId).cartId());
  }

  /**
   * The legacy single {@code user.cartId} claim as stored (Catalyst and session-spring keep it set
   * to the cart assigned last, on whichever channel, for sessions read by code that predates
   * channels). Not the cart of any particular channel: use {@link #cartId()}.
   */
  public Optional<String> legacyCartId() {
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
    return other instanceof ShopperSession that
        && claims.equals(that.claims)
        && Objects.equals(channelId, that.channelId);
  }

  @Override
  public int hashCode() {
    return 31 * claims.hashCode() + Objects.hashCode(channelId);
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
