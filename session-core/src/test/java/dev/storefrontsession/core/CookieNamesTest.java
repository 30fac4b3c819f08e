package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieNamesTest {

  @Test
  void namesWhenInsecureThenUnprefixed() {
    assertThat(CookieNames.sessionToken(false)).isEqualTo("authjs.session-token");
    assertThat(CookieNames.anonymousSessionToken(false))
        .isEqualTo("authjs.anonymous-session-token");
    assertThat(CookieNames.csrfToken(false)).isEqualTo("authjs.csrf-token");
    assertThat(CookieNames.callbackUrl(false)).isEqualTo("authjs.callback-url");
  }

  @Test
  void namesWhenSecureThenSecurePrefixAndHostPrefixForCsrf() {
    assertThat(CookieNames.sessionToken(true)).isEqualTo("__Secure-authjs.session-token");
    assertThat(CookieNames.anonymousSessionToken(true))
        .isEqualTo("__Secure-authjs.anonymous-session-token");
    assertThat(CookieNames.csrfToken(true)).isEqualTo("__Host-authjs.csrf-token");
    assertThat(CookieNames.callbackUrl(true)).isEqualTo("__Secure-authjs.callback-url");
  }

  @Test
  void isValidWhenEveryCharacterThenOnlyVisibleAsciiWithoutSeparators() {
    for (char c = 0; c < 0x3000; c++) {
      boolean token = c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
      assertThat(CookieNames.isValid("authjs.session-token" + c))
          .as("U+%04X", (int) c)
          .isEqualTo(token);
      assertThat(CookieNames.isValid(String.valueOf(c)))
          .as("U+%04X alone", (int) c)
          .isEqualTo(token);
    }
    assertThat(CookieNames.isValid("authjs.session-token.1e3")).isTrue();
    assertThat(CookieNames.isValid("authjs.session-token[0]")).isFalse();
    assertThat(CookieNames.isValid("")).isFalse();
    assertThat(CookieNames.isValid(null)).isFalse();
  }
}
