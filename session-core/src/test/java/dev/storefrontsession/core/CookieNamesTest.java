package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieNamesTest {

  @Test
  void namesWhenInsecureThenUnprefixed() {
    assertThat(CookieNames.sessionToken(false)).isEqualTo("authjs.session-token");
    assertThat(CookieNames.anonymousSessionToken(false)).isEqualTo("authjs.anonymous-session-token");
    assertThat(CookieNames.csrfToken(false)).isEqualTo("authjs.csrf-token");
    assertThat(CookieNames.callbackUrl(false)).isEqualTo("authjs.callback-url");
  }

  @Test
  void namesWhenSecureThenSecurePrefixAndHostPrefixForCsrf() {
    assertThat(CookieNames.sessionToken(true)).isEqualTo("__Secure-authjs.session-token");
    assertThat(CookieNames.anonymousSessionToken(true)).isEqualTo("__Secure-authjs.anonymous-session-token");
    assertThat(CookieNames.csrfToken(true)).isEqualTo("__Host-authjs.csrf-token");
    assertThat(CookieNames.callbackUrl(true)).isEqualTo("__Secure-authjs.callback-url");
  }
}
