package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetCookieTest {

  @Test
  void toHeaderValueWhenAuthJsSessionCookieThenAttributesInSerializerOrder() {
    SetCookie cookie =
        new SetCookie(
            "__Secure-authjs.session-token",
            "a.b",
            CookieAttributes.authJsDefaults(true)
                .withExpires(Instant.parse("2026-01-02T03:04:05Z")));
    assertThat(cookie.toHeaderValue())
        .isEqualTo(
            "__Secure-authjs.session-token=a.b; Path=/; Expires=Fri, 02 Jan 2026 03:04:05 GMT; HttpOnly; Secure; "
                + "SameSite=Lax");
  }

  @Test
  void toHeaderValueWhenDeletionThenMaxAgeZeroFirstAndNoExpires() {
    SetCookie deletion =
        SetCookie.deletion(
            "authjs.session-token.1",
            CookieAttributes.authJsDefaults(false).withExpires(Instant.EPOCH));
    assertThat(deletion.toHeaderValue())
        .isEqualTo("authjs.session-token.1=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    assertThat(deletion.isDeletion()).isTrue();
  }

  @Test
  void toHeaderValueWhenValueHasReservedCharactersThenEncodeUriComponent() {
    SetCookie csrf =
        new SetCookie(
            "__Host-authjs.csrf-token",
            "abc|def",
            CookieAttributes.builder()
                .secure(true)
                .domain(null)
                .maxAge(Duration.ofSeconds(900))
                .build());
    assertThat(csrf.toHeaderValue())
        .isEqualTo(
            "__Host-authjs.csrf-token=abc%7Cdef; Max-Age=900; Path=/; HttpOnly; Secure; SameSite=Lax");
  }

  @Test
  void toHeaderValueWhenDomainAndSameSiteNoneThenWritten() {
    SetCookie cookie =
        new SetCookie(
            "n",
            "v",
            CookieAttributes.builder()
                .domain("example.com")
                .httpOnly(false)
                .sameSite(CookieAttributes.SameSite.NONE)
                .secure(true)
                .build());
    assertThat(cookie.toHeaderValue())
        .isEqualTo("n=v; Domain=example.com; Path=/; Secure; SameSite=None");
  }

  @Test
  void toStringWhenValueSetThenRedacted() {
    SetCookie cookie = new SetCookie("n", "secret-token", CookieAttributes.authJsDefaults(true));
    assertThat(cookie.toString()).doesNotContain("secret-token").contains("<redacted>");
  }

  @Test
  void constructorWhenNameInvalidThenRefused() {
    assertThatThrownBy(() -> new SetCookie("a b", "v", CookieAttributes.authJsDefaults(true)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SetCookie("a;b", "v", CookieAttributes.authJsDefaults(true)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
