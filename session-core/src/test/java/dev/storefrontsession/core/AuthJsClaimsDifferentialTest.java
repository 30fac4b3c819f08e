package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.internal.JsonParser;
import dev.storefrontsession.core.testing.ClaimsParity;
import dev.storefrontsession.core.testing.ClaimsParity.Verdict;
import dev.storefrontsession.core.testing.RandomClaimsTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Differential test against the real {@code @auth/core}: generated claims texts ({@link
 * RandomClaimsTexts}) sealed with Auth.js's derived key are decoded by Auth.js (a batch per Node
 * process) and by session-core, at the same instant. Both must accept or both reject, with equal
 * claims (values and member order) when both accept. The one disagreement allowed is the documented
 * limit of session-core: nesting deeper than {@link JsonParser#MAX_DEPTH}, which Auth.js accepts.
 * jqwik draws the seed of each batch; a failure names every disagreeing case in hex.
 */
class AuthJsClaimsDifferentialTest {

  static final int CASES_PER_BATCH = 400;
  static final AtomicInteger BOTH_ACCEPT = new AtomicInteger();
  static final AtomicInteger BOTH_REJECT = new AtomicInteger();
  static final AtomicInteger DEPTH_LIMIT = new AtomicInteger();

  @Property(tries = 10, shrinking = ShrinkingMode.OFF)
  void decodeWhenGeneratedClaimsTextsThenSessionCoreAcceptsExactlyWhatAuthJsAccepts(
      @ForAll long seed) {
    List<RandomClaimsTexts.Case> cases =
        new RandomClaimsTexts(new Random(seed), ClaimsParity.NOW)
            .cases(CASES_PER_BATCH, ClaimsParity.authJsHeader());
    List<String> headers = new ArrayList<>();
    List<byte[]> texts = new ArrayList<>();
    for (RandomClaimsTexts.Case c : cases) {
      headers.add(c.header());
      texts.add(c.claims());
    }
    List<String> disagreements = new ArrayList<>();
    for (Verdict verdict : ClaimsParity.decodeBoth(headers, texts)) {
      if (verdict.agrees()) {
        (verdict.javaAccepts() ? BOTH_ACCEPT : BOTH_REJECT).incrementAndGet();
      } else if (verdict.authJsAccepts()
          && !verdict.javaAccepts()
          && RandomClaimsTexts.nestingDepth(verdict.claims()) > JsonParser.MAX_DEPTH) {
        DEPTH_LIMIT.incrementAndGet();
      } else {
        disagreements.add(verdict.describe());
      }
    }
    assertThat(disagreements)
        .as("seed %d: %d of %d cases disagree", seed, disagreements.size(), cases.size())
        .isEmpty();
  }

  /** The generator must keep producing both outcomes in earnest, or the property proves little. */
  @AfterContainer
  static void everyOutcomeWasExercised() {
    int total = BOTH_ACCEPT.get() + BOTH_REJECT.get() + DEPTH_LIMIT.get();
    System.out.printf(
        "claims parity: %d generated cases, %d accepted by both, %d rejected by both, %d beyond the"
            + " nesting limit%n",
        total, BOTH_ACCEPT.get(), BOTH_REJECT.get(), DEPTH_LIMIT.get());
    if (total > 0) {
      assertThat(BOTH_ACCEPT.get()).as("cases both accept").isGreaterThan(total / 5);
      assertThat(BOTH_REJECT.get()).as("cases both reject").isGreaterThan(total / 5);
    }
  }
}
