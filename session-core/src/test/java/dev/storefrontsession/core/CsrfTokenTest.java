package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CsrfTokenTest {

  static final String SECRET = "csrf-secret";

  @Test
  void createWhenSecretThenTokenIs64HexAndHashIsSha256OfTokenPlusSecret() throws Exception {
    CsrfToken csrf = CsrfToken.create(SECRET);
    assertThat(csrf.token()).matches("[0-9a-f]{64}");
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest((csrf.token() + SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(csrf.hash()).isEqualTo(expected);
    assertThat(csrf.cookieValue()).isEqualTo(csrf.token() + "|" + expected);
  }

  @Test
  void verifyWhenCookieAndSubmittedTokenMatchThenTrue() {
    CsrfToken csrf = CsrfToken.create(SECRET);
    assertThat(CsrfToken.verify(csrf.cookieValue(), csrf.token(), SECRET)).isTrue();
    assertThat(CsrfToken.verify(CookieValues.encode(csrf.cookieValue()), csrf.token(), SECRET))
        .isTrue();
  }

  @Test
  void verifyWhenSubmittedTokenDiffersOrMissingThenFalse() {
    CsrfToken csrf = CsrfToken.create(SECRET);
    assertThat(CsrfToken.verify(csrf.cookieValue(), CsrfToken.create(SECRET).token(), SECRET))
        .isFalse();
    assertThat(CsrfToken.verify(csrf.cookieValue(), null, SECRET)).isFalse();
    assertThat(CsrfToken.verify(csrf.cookieValue(), "", SECRET)).isFalse();
  }

  @Test
  void verifyWhenCookieForgedOrOtherSecretThenFalse() {
    CsrfToken csrf = CsrfToken.create(SECRET);
    String forged = "a".repeat(64) + "|" + csrf.hash();
    assertThat(CsrfToken.verify(forged, "a".repeat(64), SECRET)).isFalse();
    assertThat(CsrfToken.verify(csrf.cookieValue(), csrf.token(), "other")).isFalse();
    assertThat(CsrfToken.verify("no-bar", "no-bar", SECRET)).isFalse();
    assertThat(CsrfToken.verify(null, csrf.token(), SECRET)).isFalse();
  }

  @Test
  void fromCookieWhenValidThenTokenElseEmpty() {
    CsrfToken csrf = CsrfToken.create(SECRET);
    assertThat(CsrfToken.fromCookie(csrf.cookieValue(), SECRET)).contains(csrf);
    assertThat(CsrfToken.fromCookie(csrf.cookieValue(), "other")).isEmpty();
  }

  @Test
  void createWhenKeyRingThenHashedWithCommaJoinedSecretsAsAuthJsArray() {
    KeyRing ring = KeyRing.of("new", "old");
    CsrfToken csrf = CsrfToken.create(ring);
    assertThat(CsrfToken.verify(csrf.cookieValue(), csrf.token(), "new,old")).isTrue();
    assertThat(CsrfToken.verify(csrf.cookieValue(), csrf.token(), ring)).isTrue();
    assertThat(CsrfToken.verify(csrf.cookieValue(), csrf.token(), KeyRing.of("new"))).isFalse();
  }

  @Test
  void toStringWhenPrintedThenRedacted() {
    CsrfToken csrf = CsrfToken.create(SECRET);
    assertThat(csrf.toString()).doesNotContain(csrf.token()).doesNotContain(csrf.hash());
  }

  @Test
  void fromCookieWhenSentBackEncodedInEitherCaseThenToken() {
    CsrfToken csrf = CsrfToken.create(SECRET);
    assertThat(CsrfToken.fromCookie(csrf.token() + "%7C" + csrf.hash(), SECRET)).contains(csrf);
    assertThat(CsrfToken.fromCookie(csrf.token() + "%7c" + csrf.hash(), SECRET)).contains(csrf);
    assertThat(CsrfToken.fromCookie(csrf.token() + "%7D" + csrf.hash(), SECRET)).isEmpty();
  }

  @Property(tries = 2000)
  void fromCookieWhenAnyValueThenAsDecodingTheWholeValueAndSplittingAtTheFirstBar(
      @ForAll("cookieValues") String raw) {
    assertThat(CsrfToken.fromCookie(raw, SECRET)).isEqualTo(reference(raw));
  }

  /**
   * The definition: percent-decode the value as a whole, split at the first '|', check the hash.
   */
  private static Optional<CsrfToken> reference(String raw) {
    String value = CookieValues.decode(raw);
    int bar = value.indexOf('|');
    if (bar < 0) {
      return Optional.empty();
    }
    String token = value.substring(0, bar);
    String hash = value.substring(bar + 1);
    try {
      String expected =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest((token + SECRET).getBytes(StandardCharsets.UTF_8)));
      return expected.equals(hash) ? Optional.of(new CsrfToken(token, hash)) : Optional.empty();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Valid cookies written in several ways, and the same with pieces that make them odd or invalid.
   */
  @Provide
  Arbitrary<String> cookieValues() {
    Arbitrary<CsrfToken> tokens =
        Arbitraries.strings()
            .withCharRange('a', 'f')
            .ofLength(8)
            .map(t -> new CsrfToken(t, HexFormat.of().formatHex(sha256(t + SECRET))));
    Arbitrary<String> bar = Arbitraries.of("|", "%7C", "%7c", "%7D", "%", "%%7C", "");
    Arbitrary<String> extra = Arbitraries.of("", "%41", "|", "%7C", "x", "%");
    return net.jqwik.api.Combinators.combine(
            tokens, bar, extra, Arbitraries.integers().between(0, 2))
        .as(
            (t, b, e, where) ->
                switch (where) {
                  case 0 -> t.token() + b + t.hash() + e;
                  case 1 -> e + t.token() + b + t.hash();
                  default -> t.token() + e + b + t.hash();
                });
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
