package dev.storefrontsession.spring.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the session does beyond Auth.js: how its cookies live and when it ends. Immutable.
 *
 * @param browserSessionCookies write the session and anonymous cookies without {@code
 *     Expires}/{@code Max-Age}, so the browser drops them when it closes; the token's {@code exp}
 *     still limits them
 * @param absoluteMaxAge a session ends this long after sign-in ({@code auth_time}) however active
 *     the shopper is; null: no absolute limit
 * @param partitionedCookies every cookie {@code Partitioned; SameSite=None; Secure}, for a
 *     storefront inside another site's iframe
 * @param revalidateInterval a signed-in session whose customer access token the store last
 *     confirmed longer ago than this is checked with the store on its next request; zero: never
 */
public record SessionPolicy(
    boolean browserSessionCookies,
    @Nullable Duration absoluteMaxAge,
    boolean partitionedCookies,
    Duration revalidateInterval) {

  /** How often a signed-in session's customer access token is checked with the store by default. */
  public static final Duration DEFAULT_REVALIDATE_INTERVAL = Duration.ofMinutes(5);

  /**
   * Persistent cookies, no absolute lifetime, not partitioned (Auth.js's behaviour) and the default
   * revalidation interval (which needs a {@link SessionRevalidator}: without one nothing is
   * checked).
   */
  public static final SessionPolicy DEFAULT =
      new SessionPolicy(false, null, false, DEFAULT_REVALIDATE_INTERVAL);

  public SessionPolicy {
    if (revalidateInterval == null || revalidateInterval.isNegative()) {
      throw new SessionSettingException(
          "storefront.session.revalidate-interval must not be negative, was " + revalidateInterval,
          "Set it to a duration such as 5m, or 0s to never check the token with the store.");
    }
    if (absoluteMaxAge != null && (absoluteMaxAge.isZero() || absoluteMaxAge.isNegative())) {
      throw new SessionSettingException(
          "storefront.session.absolute-max-age must be positive, was " + absoluteMaxAge,
          "Set it to a duration such as 12h or 14d, or leave it unset for no absolute session lifetime.");
    }
  }
}
