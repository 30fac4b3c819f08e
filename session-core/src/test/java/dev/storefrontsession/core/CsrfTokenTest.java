package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CsrfTokenTest {

  static final String SECRET = "csrf-secret";

  @Test
  void createWhenSecretThenTokenIs64HexAndHashIsSha256OfTokenPlusSecret() throws Exception {
    CsrfToken csrf = CsrfToken.create(SECRET);
    assertThat(csrf.token()).matches("[0-9a-f]{64}");
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest((csrf.token() + SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(csrf.hash()).isEqualTo(expected);
    assertThat(csrf.cookieValue()).isEqualTo(csrf.token() + "|" + expected);
  }

  @Test
  void verifyWhenCookieAndSubmittedTokenMatchThenTrue() {
    CsrfToken csrf = CsrfToken.create(SECRET);
    assertThat(CsrfToken.verify(csrf.cookieValue(), csrf.token(), SECRET)).isTrue();
    assertThat(CsrfToken.verify(CookieValues.encode(csrf.cookieValue()), csrf.token(), SECRET)).isTrue();
  }

  @Test
  void verifyWhenSubmittedTokenDiffersOrMissingThenFalse() {
    CsrfToken csrf = CsrfToken.create(SECRET);
    assertThat(CsrfToken.verify(csrf.cookieValue(), CsrfToken.create(SECRET).token(), SECRET)).isFalse();
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
}
