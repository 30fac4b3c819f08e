package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionCodec#withDecodeCache}: a token decoded again is found, not decrypted again, and
 * every decode still answers as an uncached codec answers it.
 */
class SessionCodecDecodeCacheTest {

  static final String SECRET = "decode-cache-test-secret";
  static final String COOKIE = CookieNames.sessionToken(true);

  final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_760_000_000L));
  final SessionCodec plain = new SessionCodec(KeyRing.of(SECRET), clock);
  final SessionCodec cached = plain.withDecodeCache(100, Duration.ofMinutes(1));

  @Test
  void decodeWhenTokenSeenBeforeThenSameClaimsAsAnUncachedDecodeAndHeldOnce() {
    String token = plain.encode(SessionCodecTest.customer(), COOKIE);

    DecodeResult first = cached.decode(token, COOKIE);
    DecodeResult again = cached.decode(token, COOKIE);

    assertThat(first).isEqualTo(plain.decode(token, COOKIE));
    assertThat(again).isEqualTo(first);
    assertThat(again.decodedClaims().orElseThrow().user().orElseThrow().cartId()).isEqualTo("cart");
    assertThat(cached.decodeCacheSize()).isEqualTo(1);
    assertThat(plain.decodeCacheSize()).isZero();
  }

  @Test
  void decodeWhenAHeldTokenExpiresThenRejectedAsExpiredLikeAnUncachedDecode() {
    String token = plain.encode(SessionCodecTest.customer(), COOKIE, Duration.ofSeconds(30));
    assertThat(cached.decode(token, COOKIE).isDecoded()).isTrue();

    clock.advance(Duration.ofSeconds(30 + 15)); // exp plus the leeway: expired
    assertThat(cached.decode(token, COOKIE))
        .isEqualTo(new DecodeResult.Rejected(RejectionReason.EXPIRED))
        .isEqualTo(plain.decode(token, COOKIE));
  }

  @Test
  void decodeWhenTokenDiffersByOneCharacterFromAHeldOneThenRejectedAsUncached() {
    String token = plain.encode(SessionCodecTest.customer(), COOKIE);
    assertThat(cached.decode(token, COOKIE).isDecoded()).isTrue();

    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    DecodeResult result = cached.decode(tampered, COOKIE);

    assertThat(result.isDecoded()).isFalse();
    assertThat(result).isEqualTo(plain.decode(tampered, COOKIE));
    assertThat(cached.decodeCacheSize()).isEqualTo(1);
  }

  @Test
  void decodeWhenHeldTokenComesInAnotherCookieThenRejectedAsUncached() {
    String token = plain.encode(SessionCodecTest.customer(), COOKIE);
    assertThat(cached.decode(token, COOKIE).isDecoded()).isTrue();

    String other = CookieNames.sessionToken(false);
    assertThat(cached.decode(token, other)).isEqualTo(plain.decode(token, other));
    assertThat(cached.decode(token, other).isDecoded()).isFalse();
  }

  @Test
  void decodeWhenTokensAreMalformedOrForgedThenNoneIsHeld() {
    String forged = plain.encode(SessionCodecTest.customer(), COOKIE).replace('.', '_');
    for (String bad : new String[] {"x", "a.b.c.d.e", "e30.e30.e30.e30.e30", forged}) {
      assertThat(cached.decode(bad, COOKIE).isDecoded()).isFalse();
    }
    assertThat(cached.decodeCacheSize()).isZero();
  }

  @Test
  void decodeWhenAnExpiredTokenComesAgainThenStillExpired() {
    String expired = plain.encode(SessionCodecTest.customer(), COOKIE, Duration.ZERO);
    clock.advance(Duration.ofSeconds(16));
    assertThat(cached.decode(expired, COOKIE))
        .isEqualTo(new DecodeResult.Rejected(RejectionReason.EXPIRED));
    assertThat(cached.decode(expired, COOKIE))
        .isEqualTo(new DecodeResult.Rejected(RejectionReason.EXPIRED));
  }

  @Test
  void decodeWhenManyMoreShoppersThanEntriesThenHoldsAtMostTheBound() {
    for (int i = 0; i < 2_000; i++) {
      String token = plain.encode(SessionClaims.anonymous("cart-" + i), COOKIE);
      assertThat(cached.decode(token, COOKIE).decodedClaims().orElseThrow().user())
          .hasValueSatisfying(user -> assertThat(user.cartId()).isNotNull());
    }
    assertThat(cached.decodeCacheSize()).isLessThanOrEqualTo(100);
  }

  @Test
  void withDecodeCacheWhenBoundsAreNotPositiveThenRefused() {
    assertThatThrownBy(() -> plain.withDecodeCache(0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntries");
    assertThatThrownBy(() -> plain.withDecodeCache(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
  }
}
