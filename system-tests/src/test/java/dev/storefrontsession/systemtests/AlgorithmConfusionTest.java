package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Item 2 (core level): {@code alg}/{@code enc} confusion and {@code kid} tricks, each crafted with
 * Nimbus next to a control crafted the same way that is accepted.
 */
class AlgorithmConfusionTest {

  static final String NEW = SessionFixtures.NEW_SECRET;
  static final String OLD = SessionFixtures.OLD_SECRET;
  static final String NAME = SessionFixtures.PLAIN;

  final Clock clock = Clock.systemUTC();
  final SessionCodec codec = new SessionCodec(KeyRing.of(NEW, OLD), clock);
  final TokenForgery forgery = new TokenForgery(NEW, NAME);
  final String payload = TokenForgery.claimsJson("Mallory", Instant.now());

  @Test
  void decodeWhenCraftedExactlyAsAuthJsThenAccepted() {
    DecodeResult result = codec.decode(forgery.valid(payload), NAME);
    assertThat(result.isDecoded()).as("control: %s", result).isTrue();
    assertThat(result.decodedClaims().orElseThrow().name()).isEqualTo("Mallory Forged");
  }

  @Test
  void decodeWhenUserClaimIsNotAnObjectThenReadAsAuthJsDoesWithoutCustomerAccessToken() {
    String userNotObject = payload.replaceFirst("\"user\":\\{[^}]*\\}", "\"user\":\"admin\"");
    SessionClaims claims =
        codec.decode(forgery.valid(userNotObject), NAME).decodedClaims().orElseThrow();
    assertThat(claims.name()).isEqualTo("Mallory Forged");
    assertThat(claims.user()).isEmpty();
    assertThat(claims.toJson()).contains("\"user\":\"admin\"");
  }

  @Test
  void decodeWhenA256GcmWithThirtyTwoByteKeyThenAcceptedAsAuthJsDoes() {
    byte[] key32 = forgery.key(32);
    String token =
        forgery.dir(EncryptionMethod.A256GCM, key32, AuthJsKeys.kid(key32), payload, null, null);
    assertThat(codec.decode(token, NAME).isDecoded()).isTrue();
  }

  @Test
  void decodeWhenNoKidAndNewestSecretThenAcceptedButOlderSecretRefused() {
    String newest =
        forgery.dir(EncryptionMethod.A256CBC_HS512, forgery.key64(), null, payload, null, null);
    assertThat(codec.decode(newest, NAME).isDecoded()).isTrue();
    TokenForgery old = new TokenForgery(OLD, NAME);
    String older = old.dir(EncryptionMethod.A256CBC_HS512, old.key64(), null, payload, null, null);
    assertThat(codec.decode(older, NAME).isDecoded())
        .as("Auth.js tries only the newest secret without kid")
        .isFalse();
    String olderWithKid = old.valid(payload);
    assertThat(codec.decode(olderWithKid, NAME).isDecoded())
        .as("control: older secret with its kid")
        .isTrue();
  }

  @Test
  void decodeWhenAlgorithmEncryptionKidOrPayloadForgedThenEveryForgeryRejected() {
    Map<String, String> forgeries = forgery.forgeries(payload, OLD, SessionFixtures.ANONYMOUS);
    int rejected = 0;
    for (Map.Entry<String, String> f : forgeries.entrySet()) {
      DecodeResult result = codec.decode(f.getValue(), NAME);
      assertThat(result).as(f.getKey()).isInstanceOf(DecodeResult.Rejected.class);
      Figures.print("attacks.forgery." + f.getKey(), ((DecodeResult.Rejected) result).reason());
      rejected++;
    }
    Figures.print("attacks.forgeries_rejected", rejected + "/" + forgeries.size());
    assertThat(rejected).isGreaterThanOrEqualTo(30);
  }
}
