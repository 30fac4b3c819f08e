package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the codec over random claims and random damage to tokens. */
class SessionCodecPropertiesTest {

  static final String COOKIE = CookieNames.sessionToken(true);
  static final SessionCodec CODEC =
      new SessionCodec(
          KeyRing.of("property-secret", "older-secret"),
          Clock.fixed(Instant.ofEpochSecond(1_760_000_000L), ZoneOffset.UTC));
  static final String TOKEN =
      CODEC.encode(
          SessionClaims.builder()
              .name("Jane")
              .email("jane@example.com")
              .user(
                  SessionUser.builder()
                      .customerAccessToken(new CustomerAccessToken("cat", null))
                      .cartId("c")
                      .build())
              .build(),
          COOKIE);
  static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ %é";

  @Provide
  Arbitrary<Object> jsonValues() {
    Arbitrary<Object> leaf =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
            Arbitraries.longs().between(-(1L << 53), 1L << 53).map(l -> (Object) l),
            Arbitraries.doubles().between(-1e12, 1e12).ofScale(3).map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    return Arbitraries.lazyOf(
        () -> leaf,
        () -> leaf.list().ofMaxSize(4).map(l -> (Object) l),
        () ->
            Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), leaf)
                .ofMaxSize(4)
                .map(m -> (Object) m));
  }

  @Provide
  Arbitrary<SessionClaims> claims() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(60).injectNull(0.2);
    Arbitrary<SessionUser> user =
        Combinators.combine(
                text,
                text,
                text,
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(50).injectNull(0.5))
            .as(
                (cart, first, last, cat) -> {
                  SessionUser.Builder builder =
                      SessionUser.builder().cartId(cart).firstName(first).lastName(last);
                  if (cat != null) {
                    builder.customerAccessToken(
                        new CustomerAccessToken(cat, Instant.ofEpochSecond(1_900_000_000L)));
                  }
                  return builder.build();
                })
            .injectNull(0.2);
    Arbitrary<Map<String, Object>> extra =
        Arbitraries.maps(
                Arbitraries.strings()
                    .alpha()
                    .ofMinLength(1)
                    .ofMaxLength(10)
                    .filter(
                        k ->
                            !List.of(
                                    "name", "email", "picture", "sub", "user", "iat", "exp", "jti",
                                    "nbf")
                                .contains(k)),
                jsonValues())
            .ofMaxSize(5);
    return Combinators.combine(text, text, text, text, user, extra)
        .as(
            (name, email, picture, sub, u, x) ->
                SessionClaims.builder()
                    .name(name)
                    .email(email)
                    .picture(picture)
                    .sub(sub)
                    .user(u)
                    .extra(x)
                    .build());
  }

  @Property(tries = 300)
  void encodeWhenRandomClaimsThenDecodeReturnsThem(@ForAll("claims") SessionClaims claims) {
    SessionClaims decoded =
        CODEC.decode(CODEC.encode(claims, COOKIE), COOKIE).decodedClaims().orElseThrow();
    assertThat(decoded.toBuilder().issuedAt(null).expiresAt(null).jti(null).build())
        .isEqualTo(claims);
  }

  @Property(tries = 1000)
  void decodeWhenOneCharacterReplacedThenNeverDecoded(
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 0, max = 70) int replacement) {
    int at = position % TOKEN.length();
    char c = ALPHABET.charAt(replacement);
    if (c == TOKEN.charAt(at)) {
      return;
    }
    String mutated = TOKEN.substring(0, at) + c + TOKEN.substring(at + 1);
    assertThat(CODEC.decode(mutated, COOKIE).isDecoded()).isFalse();
  }

  @Property(tries = 1000)
  void decodeWhenBitFlippedInAnyByteThenNeverDecoded(
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 0, max = 7) int bit) {
    byte[] bytes = TOKEN.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    bytes[position % bytes.length] ^= (byte) (1 << bit);
    String mutated = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(CODEC.decode(mutated, COOKIE).isDecoded()).isFalse();
  }

  @Property(tries = 500)
  void decodeWhenCharactersInsertedOrDeletedThenNeverDecoded(
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 1, max = 8) int length,
      @ForAll boolean insert) {
    int at = position % TOKEN.length();
    String mutated =
        insert
            ? TOKEN.substring(0, at) + "A".repeat(length) + TOKEN.substring(at)
            : TOKEN.substring(0, at) + TOKEN.substring(Math.min(TOKEN.length(), at + length));
    assertThat(CODEC.decode(mutated, COOKIE).isDecoded()).isFalse();
  }

  @Property(tries = 1000)
  void decodeWhenArbitraryStringThenRejectedWithoutThrowing(@ForAll String anything) {
    assertThat(CODEC.decode(anything, COOKIE)).isInstanceOf(DecodeResult.Rejected.class);
  }

  @Property(tries = 500)
  void decodeWhenFiveArbitraryPartsThenRejectedWithoutThrowing(
      @ForAll("parts") String a,
      @ForAll("parts") String b,
      @ForAll("parts") String c,
      @ForAll("parts") String d,
      @ForAll("parts") String e) {
    assertThat(CODEC.decode(a + "." + b + "." + c + "." + d + "." + e, COOKIE))
        .isInstanceOf(DecodeResult.Rejected.class);
  }

  @Provide
  Arbitrary<String> parts() {
    String prefix = TOKEN.substring(0, TOKEN.indexOf('.'));
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(ALPHABET.replace(".", "")).ofMaxLength(60),
        Arbitraries.just(prefix),
        Arbitraries.just(""));
  }

  /** A codec with a decode cache that already holds {@link #TOKEN}. */
  static final SessionCodec CACHED = CODEC.withDecodeCache(64, java.time.Duration.ofMinutes(1));

  static {
    CACHED.decode(TOKEN, COOKIE);
  }

  @Property(tries = 1000)
  void decodeWhenCachedCodecHoldsTheTokenThenEveryNeighbourDecodesAsWithoutTheCache(
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 0, max = 70) int replacement,
      @ForAll boolean insert) {
    int at = position % TOKEN.length();
    char c = ALPHABET.charAt(replacement);
    String neighbour =
        insert
            ? TOKEN.substring(0, at) + c + TOKEN.substring(at)
            : TOKEN.substring(0, at) + c + TOKEN.substring(at + 1);
    assertThat(CACHED.decode(neighbour, COOKIE)).isEqualTo(CODEC.decode(neighbour, COOKIE));
    assertThat(CACHED.decode(TOKEN, COOKIE)).isEqualTo(CODEC.decode(TOKEN, COOKIE));
  }

  @Property(tries = 200)
  void decodeWhenRandomClaimsDecodedTwiceByACachedCodecThenBothAsWithoutTheCache(
      @ForAll("claims") SessionClaims claims) {
    String token = CODEC.encode(claims, COOKIE);
    DecodeResult uncached = CODEC.decode(token, COOKIE);
    assertThat(CACHED.decode(token, COOKIE)).isEqualTo(uncached);
    assertThat(CACHED.decode(token, COOKIE)).isEqualTo(uncached);
  }
}
