package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whose IP a request counts as: a forwarded shopper IP is believed only from a caller that sends
 * the sandbox's trusted-proxy secret, as BigCommerce does; anyone else is their socket peer, so
 * forged {@code X-Forwarded-For} or {@code True-Client-IP} headers cannot escape the per-IP login
 * throttle.
 */
class TrustedProxyTest {

  private SandboxServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SandboxHttp start(String proxySecret) {
    server =
        Fixture.start(
            b -> b.loginThrottle(3, Duration.ofMinutes(15)).trustedProxySecret(proxySecret));
    return new SandboxHttp(server);
  }

  private static SandboxHttp.Response failedLogin(
      SandboxHttp http, int i, String header, String value) {
    SandboxHttp.Request r =
        http.request(Documents.LOGIN)
            .variable("email", "nobody-" + i + "@example.com")
            .variable("password", "Wrong-Pass-1");
    return (header == null ? r : r.header(header, value)).send();
  }

  private static SandboxHttp.Response shopperLogin(SandboxHttp http, String... headers) {
    SandboxHttp.Request r =
        http.request(Documents.LOGIN)
            .variable("email", Fixture.SHOPPER)
            .variable("password", Fixture.SHOPPER_PASSWORD);
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    return r.send();
  }

  @Test
  void loginWhenForgedForwardedForWithoutProxySecretThenThrottledAsTheSocketPeer() {
    SandboxHttp http = start(Fixture.PROXY_SECRET);
    for (int i = 0; i < 3; i++) {
      failedLogin(http, i, "X-Forwarded-For", "198.51.100." + (i + 1));
    }

    SandboxHttp.Response next = shopperLogin(http, "X-Forwarded-For", "198.51.100.99");

    assertThat(next.firstErrorCode()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
  }

  @Test
  void loginWhenForgedTrueClientIpWithWrongProxySecretThenThrottledAsTheSocketPeer() {
    SandboxHttp http = start(Fixture.PROXY_SECRET);
    for (int i = 0; i < 3; i++) {
      failedLogin(http, i, "X-BC-Trusted-Proxy-Secret", "not-the-secret");
    }

    SandboxHttp.Response next =
        shopperLogin(
            http, "True-Client-IP", "198.51.100.99", "X-BC-Trusted-Proxy-Secret", "not-the-secret");

    assertThat(next.firstErrorCode()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
  }

  @Test
  void loginWhenTrustedProxyForwardsAnotherShopperThenThatShopperIsNotThrottled() {
    SandboxHttp http = start(Fixture.PROXY_SECRET);
    for (int i = 0; i < 3; i++) {
      failedLogin(http, i, null, null);
    }

    SandboxHttp.Response other =
        shopperLogin(
            http,
            "True-Client-IP",
            "198.51.100.7",
            "X-BC-Trusted-Proxy-Secret",
            Fixture.PROXY_SECRET);
    SandboxHttp.Response peer = shopperLogin(http);

    assertThat(other.body().has("errors")).as(other.body().toString()).isFalse();
    assertThat(peer.firstErrorCode()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
  }

  @Test
  void loginWhenSandboxHasNoProxySecretThenForwardedHeadersAreIgnored() {
    SandboxHttp http = start(null);
    for (int i = 0; i < 3; i++) {
      failedLogin(http, i, "True-Client-IP", "198.51.100." + (i + 1));
    }

    SandboxHttp.Response next =
        shopperLogin(http, "True-Client-IP", "198.51.100.99", "X-BC-Trusted-Proxy-Secret", "");

    assertThat(next.firstErrorCode()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
  }

  @Test
  void loginWhenTrustedProxySendsTrueClientIpThatIsNotOneValidAddressThenTheSocketPeerCounts() {
    SandboxHttp http = start(Fixture.PROXY_SECRET);
    String[] notOneAddress = {"198.51.100.1, 198.51.100.2", "not-an-ip", "198.51.100.300"};
    for (int i = 0; i < notOneAddress.length; i++) {
      failedLogin(http, i, notOneAddress[i]);
    }

    SandboxHttp.Response peer = shopperLogin(http);

    assertThat(peer.firstErrorCode()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
  }

  @Test
  void loginWhenTrustedProxySendsOnlyForwardedForThenTheSocketPeerCounts() {
    SandboxHttp http = start(Fixture.PROXY_SECRET);
    for (int i = 0; i < 3; i++) {
      SandboxHttp.Request r =
          http.request(Documents.LOGIN)
              .variable("email", "nobody-" + i + "@example.com")
              .variable("password", "Wrong-Pass-1")
              .header("X-Forwarded-For", "198.51.100." + (i + 1))
              .header("X-BC-Trusted-Proxy-Secret", Fixture.PROXY_SECRET);
      r.send();
    }

    assertThat(shopperLogin(http).firstErrorCode()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
  }

  @Test
  void loginWhenTrustedProxySendsOneValidIpv6AddressThenThatShopperCounts() {
    SandboxHttp http = start(Fixture.PROXY_SECRET);
    for (int i = 0; i < 3; i++) {
      failedLogin(http, i, "2001:db8::" + (i + 1));
    }

    assertThat(shopperLogin(http).body().has("errors")).isFalse();
    for (int i = 0; i < 3; i++) {
      failedLogin(http, 10 + i, "2001:db8::7");
    }
    assertThat(
            shopperLogin(
                    http,
                    "True-Client-IP",
                    "2001:db8::7",
                    "X-BC-Trusted-Proxy-Secret",
                    Fixture.PROXY_SECRET)
                .firstErrorCode())
        .isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
  }

  private static void failedLogin(SandboxHttp http, int i, String trueClientIp) {
    http.request(Documents.LOGIN)
        .variable("email", "nobody-" + i + "@example.com")
        .variable("password", "Wrong-Pass-1")
        .header("True-Client-IP", trueClientIp)
        .header("X-BC-Trusted-Proxy-Secret", Fixture.PROXY_SECRET)
        .send();
  }
}
