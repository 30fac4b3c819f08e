package dev.storefrontsession.benchmarks;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.CustomerLogin;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.core.CookieNames;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SessionUser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Session cookies of distinct signed-in shoppers, as the storefront itself would set them after a
 * password login: Catalyst's claim shape ({@code name, email, sub, user.{customerAccessToken,
 * cartId, firstName, lastName}}), encoded with {@link SessionCodec} under the storefront's {@code
 * AUTH_SECRET}, each with a real customer access token from a sandbox login. A few real logins
 * (bcrypt is slow on purpose) give the CATs; shopper {@code i} gets CAT {@code i % logins}, its own
 * {@code sub}, email, name and {@code jti}, so every cookie is distinct. Thread-safe.
 */
public final class SignedInShoppers {

  /** Plain-http cookie name (the loopback storefront is not https). */
  public static final String COOKIE = CookieNames.sessionToken(false);

  private final SessionCodec codec;
  private final List<CustomerAccessToken> tokens;

  private SignedInShoppers(SessionCodec codec, List<CustomerAccessToken> tokens) {
    this.codec = codec;
    this.tokens = tokens;
  }

  /**
   * Logs the demo shopper in {@code logins} times against {@code graphqlEndpoint} to collect real
   * CATs.
   */
  public static SignedInShoppers login(
      String authSecret, URI graphqlEndpoint, String storefrontToken, int logins) {
    StorefrontClient client =
        StorefrontClient.builder()
            .storefrontToken(storefrontToken)
            .endpoint(graphqlEndpoint)
            .build();
    List<CustomerAccessToken> tokens = new ArrayList<>();
    for (int i = 0; i < logins; i++) {
      CustomerLogin login =
          client.login("shopper@example.com", "Shopper-Pass-1", null, CustomerContext.guest());
      tokens.add(
          new CustomerAccessToken(login.accessToken().value(), login.accessToken().expiresAt()));
    }
    return of(authSecret, tokens, Clock.systemUTC());
  }

  /** Shoppers with the given CATs (no login), encoded under {@code authSecret} at {@code clock}. */
  static SignedInShoppers of(String authSecret, List<CustomerAccessToken> tokens, Clock clock) {
    return new SignedInShoppers(
        new SessionCodec(KeyRing.of(authSecret), clock), List.copyOf(tokens));
  }

  /**
   * The storefront's default revalidation interval ({@code
   * storefront.session.revalidate-interval}): a signed-in session's CAT is checked with the store
   * once per interval.
   */
  static final Duration REVALIDATE_INTERVAL = Duration.ofMinutes(5);

  /** Spreads the shoppers' sign-in times evenly (a low-discrepancy sequence) over an interval. */
  private static final double GOLDEN_RATIO_FRACTION = 0.6180339887498949;

  /**
   * The claims of shopper {@code i}: signed in and its CAT checked by the store at a moment of the
   * last revalidation interval that is its own, as in a population of shoppers who signed in at
   * different times. Minted at one instant with the same check time, all shoppers of a benchmark
   * would fall due for a check at the same moment, one interval later, and a whole window would
   * measure a burst of store calls and re-issued cookies that no real traffic makes; spread, the
   * checks come at the steady rate of {@code shoppers / interval} that real traffic does.
   */
  public SessionClaims claims(int i) {
    Instant now = codec.clock().instant();
    double phase = (i * GOLDEN_RATIO_FRACTION) % 1.0;
    Instant signedIn = now.minusSeconds((long) (phase * REVALIDATE_INTERVAL.toSeconds()));
    return SessionClaims.builder()
        .authTime(signedIn)
        .customerAccessTokenCheckedAt(signedIn)
        .name("Shopper " + i)
        .email("shopper" + i + "@example.com")
        .sub(new UUID(0x5e55_10_00L, i).toString())
        .user(
            SessionUser.builder()
                .customerAccessToken(tokens.get(i % tokens.size()))
                .cartId(null)
                .firstName("Shopper")
                .lastName(Integer.toString(i))
                .build())
        .build();
  }

  /** The session token of shopper {@code i} (a fresh encode: new iat, exp and jti). */
  public String token(int i) {
    return codec.encode(claims(i), COOKIE, Duration.ofDays(30));
  }

  /** The cookie jar a browser of shopper {@code i} starts with. */
  public Map<String, String> jar(int i) {
    return Map.of(COOKIE, token(i));
  }

  /** Mints {@code n} jars ahead (so the load generator does not encode during a measurement). */
  public List<Map<String, String>> jars(int n) {
    List<Map<String, String>> jars = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      jars.add(jar(i));
    }
    return jars;
  }
}
