package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.testing.Shopper;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secure cookie names and attributes behind https: trusted proxy headers, AUTH_URL, and untrusted
 * headers.
 */
class RequestOriginsTest {

  static SandboxServer sandbox;
  static TestShop trusting;
  static TestShop untrusting;
  static TestShop publicUrl;

  @BeforeAll
  static void start() {
    sandbox = TestShop.sandbox(true);
    trusting = TestShop.start(sandbox, "AUTH_TRUST_HOST=true");
    untrusting = TestShop.start(sandbox);
    publicUrl = TestShop.start(sandbox, "AUTH_URL=https://shop.example.com");
  }

  @AfterAll
  static void stop() {
    publicUrl.close();
    untrusting.close();
    trusting.close();
    sandbox.close();
  }

  @Test
  void firstVisitWhenTrustedProxySaysHttpsThenSecurePrefixedCookies() {
    ShopperClient browser = trusting.browser();

    ShopperClient.Response response = browser.get("/", "X-Forwarded-Proto", "https");

    assertThat(response.setCookie("__Secure-authjs.anonymous-session-token").orElseThrow())
        .contains("; Secure", "; HttpOnly", "; SameSite=Lax", "; Path=/");
    assertThat(response.setCookie("__Host-authjs.csrf-token").orElseThrow())
        .contains("; Secure", "; Path=/")
        .doesNotContain("Domain");
    assertThat(response.setCookies("authjs.anonymous-session-token")).isEmpty();
  }

  @Test
  void signInWhenTrustedProxySaysHttpsThenSecureSessionCookieReadOnlyOverHttps() {
    ShopperClient browser = trusting.browser();
    String csrf =
        Shopper.json(browser.get("/api/auth/csrf", "X-Forwarded-Proto", "https").body())
            .path("csrfToken")
            .asString();

    ShopperClient.Response response =
        browser.post(
            "/api/auth/callback/password",
            java.util.Map.of(
                "email",
                TestShop.SHOPPER_EMAIL,
                "password",
                TestShop.SHOPPER_PASSWORD,
                "csrfToken",
                csrf),
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            "shop.example.org");

    assertThat(response.location()).isEqualTo("https://shop.example.org/");
    assertThat(response.setCookie("__Secure-authjs.session-token").orElseThrow())
        .contains("; Secure");
    assertThat(browser.get("/whoami", "X-Forwarded-Proto", "https").body())
        .contains("loggedIn=true");
    assertThat(browser.get("/whoami").body()).startsWith("guest");
  }

  @Test
  void firstVisitWhenUntrustedClientSendsForwardedProtoThenHeaderIgnored() {
    ShopperClient browser = untrusting.browser();

    ShopperClient.Response response = browser.get("/", "X-Forwarded-Proto", "https");

    assertThat(response.setCookie("authjs.anonymous-session-token").orElseThrow())
        .doesNotContain("Secure");
    assertThat(response.setCookies("__Secure-authjs.anonymous-session-token")).isEmpty();
    assertThat(
            Shopper.json(
                    browser.get("/api/auth/providers", "X-Forwarded-Host", "evil.example").body())
                .path("password")
                .path("callbackUrl")
                .asString())
        .isEqualTo(untrusting.origin() + "/api/auth/callback/password");
  }

  @Test
  void firstVisitWhenAuthUrlIsHttpsThenSecureCookiesAndItsOriginInUrls() {
    ShopperClient browser = publicUrl.browser();

    ShopperClient.Response response = browser.get("/");

    assertThat(response.setCookie("__Secure-authjs.anonymous-session-token").orElseThrow())
        .contains("; Secure");
    assertThat(
            Shopper.json(browser.get("/api/auth/providers").body())
                .path("password")
                .path("signinUrl")
                .asString())
        .isEqualTo("https://shop.example.com/api/auth/signin/password");
  }
}
