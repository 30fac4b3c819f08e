package dev.storefrontsession.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.SessionClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedInShoppersTest {

  private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(5);

  private final SignedInShoppers shoppers =
      SignedInShoppers.of(
          "signed-in-shoppers-test-secret-0123456789abcdef",
          List.of(new CustomerAccessToken("cat-1", NOW.plus(Duration.ofDays(1)))),
          Clock.fixed(NOW, ZoneOffset.UTC));

  /**
   * Shoppers minted at one instant must not all fall due for a token check at the same moment of a
   * benchmark (a burst of store calls no real population of shoppers makes): their last checks
   * spread evenly over the storefront's default revalidation interval.
   */
  @Test
  void claimsWhenManyShoppersThenTokenChecksSpreadOverTheRevalidationInterval() {
    int n = 1000;
    int[] perTenth = new int[10];
    for (int i = 0; i < n; i++) {
      SessionClaims claims = shoppers.claims(i);
      Instant checkedAt = claims.customerAccessTokenCheckedAt();
      assertThat(checkedAt).isBetween(NOW.minus(INTERVAL), NOW);
      assertThat(claims.authTime()).isEqualTo(checkedAt);
      long secondsAgo = Duration.between(checkedAt, NOW).toSeconds();
      perTenth[(int) Math.min(9, secondsAgo * 10 / INTERVAL.toSeconds())]++;
    }
    for (int count : perTenth) {
      assertThat(count).isBetween(n / 10 - 15, n / 10 + 15);
    }
  }

  @Test
  void claimsWhenSameShopperThenSameCheckTime() {
    assertThat(shoppers.claims(7).customerAccessTokenCheckedAt())
        .isEqualTo(shoppers.claims(7).customerAccessTokenCheckedAt());
  }
}
