package dev.storefrontsession.spring.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the session does beyond Auth.js: how its cookies live and when it ends. Immutable.
 *
 * @param browserSessionCookies write the session and anonymous cookies without {@code Expires}/{@code Max-Age}, so
 *                              the browser drops them when it closes; the token's {@code exp} still limits them
 * @param absoluteMaxAge        a session ends this long after sign-in ({@code auth_time}) however active the shopper
 *                              is; null: no absolute limit
 * @param partitionedCookies    every cookie {@code Partitioned; SameSite=None; Secure}, for a storefront inside
 *                              another site's iframe
 */
public record SessionPolicy(boolean browserSessionCookies, @Nullable Duration absoluteMaxAge,
    boolean partitionedCookies) {

  /** Auth.js's behaviour: persistent cookies, no absolute lifetime, not partitioned. */
  public static final SessionPolicy DEFAULT = new SessionPolicy(false, null, false);

  public SessionPolicy {
    if (absoluteMaxAge != null && (absoluteMaxAge.isZero() || absoluteMaxAge.isNegative())) {
      throw new SessionSettingException("storefront.session.absolute-max-age must be positive, was " + absoluteMaxAge,
          "Set it to a duration such as 12h or 14d, or leave it unset for no absolute session lifetime.");
    }
  }
}
