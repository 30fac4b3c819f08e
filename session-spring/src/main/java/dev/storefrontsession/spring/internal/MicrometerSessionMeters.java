package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.core.RejectionReason;
import dev.storefrontsession.spring.ShopperSessionEvents;
import dev.storefrontsession.spring.SignInResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The session layer's meters. Every counter exists from the start (at zero), one per tag
 * combination, so a request only increments: no lookup, no allocation. Tags are enum names in lower
 * case; none holds customer data.
 *
 * <ul>
 *   <li>{@code storefront.session.sign.ins} — {@code method} (password, jwt, renewal), {@code
 *       outcome} (success or a {@link SignInResult.Reason})
 *   <li>{@code storefront.session.sign.outs} — {@code outcome} (revoked, token_invalid,
 *       store_unavailable, no_token)
 *   <li>{@code storefront.session.cookies.rejected} — {@code cookie} (session, anonymous), {@code
 *       reason} (a {@link RejectionReason})
 *   <li>{@code storefront.session.reissues} — {@code reason} (rolling, claims_changed)
 *   <li>{@code storefront.session.customer.access.token.invalid} — {@code source} (expired,
 *       rejected_by_store)
 *   <li>{@code storefront.bigcommerce.cache.requests} — {@code result} (hit, miss, bypass); {@code
 *       storefront.bigcommerce.cache.evictions}; gauge {@code storefront.bigcommerce.cache.entries}
 * </ul>
 *
 * Thread-safe.
 */
public final class MicrometerSessionMeters implements ShopperSessionEvents {

  private final Map<SignInMethod, Counter> signInSuccess = new EnumMap<>(SignInMethod.class);
  private final Map<SignInMethod, Map<SignInResult.Reason, Counter>> signInFailure =
      new EnumMap<>(SignInMethod.class);
  private final Map<SignOutOutcome, Counter> signOuts = new EnumMap<>(SignOutOutcome.class);
  private final Map<CookieKind, Map<RejectionReason, Counter>> rejected =
      new EnumMap<>(CookieKind.class);
  private final Map<ReissueReason, Counter> reissues = new EnumMap<>(ReissueReason.class);
  private final Map<InvalidTokenSource, Counter> invalidTokens =
      new EnumMap<>(InvalidTokenSource.class);

  public MicrometerSessionMeters(MeterRegistry registry) {
    for (SignInMethod method : SignInMethod.values()) {
      signInSuccess.put(
          method,
          Counter.builder("storefront.session.sign.ins")
              .description("Sign-ins by method and outcome")
              .tag("method", AuditLog.tag(method))
              .tag("outcome", "success")
              .register(registry));
      Map<SignInResult.Reason, Counter> byReason = new EnumMap<>(SignInResult.Reason.class);
      for (SignInResult.Reason reason : SignInResult.Reason.values()) {
        byReason.put(
            reason,
            Counter.builder("storefront.session.sign.ins")
                .description("Sign-ins by method and outcome")
                .tag("method", AuditLog.tag(method))
                .tag("outcome", AuditLog.tag(reason))
                .register(registry));
      }
      signInFailure.put(method, byReason);
    }
    for (SignOutOutcome outcome : SignOutOutcome.values()) {
      signOuts.put(
          outcome,
          Counter.builder("storefront.session.sign.outs")
              .description("Sign-outs by how the store's logout went")
              .tag("outcome", AuditLog.tag(outcome))
              .register(registry));
    }
    for (CookieKind cookie : CookieKind.values()) {
      Map<RejectionReason, Counter> byReason = new EnumMap<>(RejectionReason.class);
      for (RejectionReason reason : RejectionReason.values()) {
        byReason.put(
            reason,
            Counter.builder("storefront.session.cookies.rejected")
                .description("Session cookies ignored and cleared, by cookie and reason")
                .tag("cookie", AuditLog.tag(cookie))
                .tag("reason", AuditLog.tag(reason))
                .register(registry));
      }
      rejected.put(cookie, byReason);
    }
    for (ReissueReason reason : ReissueReason.values()) {
      reissues.put(
          reason,
          Counter.builder("storefront.session.reissues")
              .description("Signed-in session cookies written again without a sign-in")
              .tag("reason", AuditLog.tag(reason))
              .register(registry));
    }
    for (InvalidTokenSource source : InvalidTokenSource.values()) {
      invalidTokens.put(
          source,
          Counter.builder("storefront.session.customer.access.token.invalid")
              .description(
                  "Shoppers signed out because their customer access token was no longer valid")
              .tag("source", AuditLog.tag(source))
              .register(registry));
    }
  }

  /**
   * The client's guest cache: requests by result, evictions and entries, read from its counters
   * when scraped.
   */
  public static void bindCache(StorefrontClient client, MeterRegistry registry) {
    String requests = "storefront.bigcommerce.cache.requests";
    String description =
        "Store calls by guest cache result: hit, miss (loaded upstream) or bypass (not cacheable)";
    FunctionCounter.builder(requests, client, c -> c.cacheStats().hits())
        .description(description)
        .tag("result", "hit")
        .register(registry);
    FunctionCounter.builder(requests, client, c -> c.cacheStats().misses())
        .description(description)
        .tag("result", "miss")
        .register(registry);
    FunctionCounter.builder(requests, client, c -> c.cacheStats().bypassed())
        .description(description)
        .tag("result", "bypass")
        .register(registry);
    FunctionCounter.builder(
            "storefront.bigcommerce.cache.evictions", client, c -> c.cacheStats().evictions())
        .description("Guest responses dropped because the cache was full or their TTL had passed")
        .register(registry);
    Gauge.builder("storefront.bigcommerce.cache.entries", client, c -> c.cacheStats().entries())
        .description("Guest responses in the cache")
        .register(registry);
  }

  @Override
  public void signedIn(SignInMethod method, long customerId) {
    signInSuccess.get(method).increment();
  }

  @Override
  public void signInFailed(SignInMethod method, SignInResult.Reason reason) {
    signInFailure.get(method).get(reason).increment();
  }

  @Override
  public void signedOut(SignOutOutcome outcome) {
    signOuts.get(outcome).increment();
  }

  @Override
  public void cookieRejected(CookieKind cookie, RejectionReason reason) {
    rejected.get(cookie).get(reason).increment();
  }

  @Override
  public void sessionReissued(ReissueReason reason) {
    reissues.get(reason).increment();
  }

  @Override
  public void customerAccessTokenInvalid(InvalidTokenSource source) {
    invalidTokens.get(source).increment();
  }
}
