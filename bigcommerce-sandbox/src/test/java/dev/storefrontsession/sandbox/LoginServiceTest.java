package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code login} and {@code logout} over HTTP: tokens, errors, throttling, revocation. */
class LoginServiceTest {

  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    server =
        Fixture.start(
            b ->
                b.loginThrottle(3, Duration.ofMinutes(15))
                    .trustedProxySecret(Fixture.PROXY_SECRET));
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private SandboxHttp.Response login(String email, String password, String ip) {
    return http.request(Documents.LOGIN)
        .variable("email", email)
        .variable("password", password)
        .header("True-Client-IP", ip)
        .header("X-BC-Trusted-Proxy-Secret", Fixture.PROXY_SECRET)
        .validateToken()
        .send();
  }

  @Test
  void loginWhenCredentialsRightThenCustomerAndTokenInBigCommerceFormat() {
    Instant before = Instant.now();
    SandboxHttp.Response r = login(Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD, "10.0.0.1");
    JsonNode token = r.at("/data/login/customerAccessToken");
    String value = token.get("value").asString();
    assertThat(value).matches("[0-9a-f]{64}_[0-9]+");
    Instant expiresAt = Instant.parse(token.get("expiresAt").asString());
    assertThat(token.get("expiresAt").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(Long.parseLong(value.substring(65))).isEqualTo(expiresAt.getEpochSecond());
    assertThat(expiresAt)
        .isBetween(
            before.plus(Duration.ofHours(24)).minusSeconds(5),
            Instant.now().plus(Duration.ofHours(24)).plusSeconds(5));
    assertThat(r.at("/data/login/customer/email").asString()).isEqualTo(Fixture.SHOPPER);
    assertThat(r.at("/data/login/customer/entityId").asInt()).isEqualTo(1);
  }

  @Test
  void loginWhenCalledTwiceThenTokensDiffer() {
    String a = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    String b = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void loginWhenEmailDiffersInCaseThenAccepted() {
    SandboxHttp.Response r = login("  Shopper@Example.COM ", Fixture.SHOPPER_PASSWORD, "10.0.0.2");
    assertThat(r.at("/data/login/customer/entityId").asInt()).isEqualTo(1);
  }

  @Test
  void loginWhenPasswordWrongThenInvalidCredentialsErrorAndNullData() {
    SandboxHttp.Response r = login(Fixture.WHOLESALE, "Wrong-Pass-1", "10.0.1.1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("data").isNull()).isTrue();
    assertThat(r.firstErrorMessage()).contains("Invalid credentials");
    assertThat(r.at("/errors/0/path/0").asString()).isEqualTo("login");
  }

  @Test
  void loginWhenEmailUnknownThenSameInvalidCredentialsError() {
    SandboxHttp.Response r = login("nobody@example.com", "Whatever-1", "10.0.1.2");
    assertThat(r.firstErrorMessage()).isEqualTo("Invalid credentials");
  }

  @Test
  void loginWhenResetRequiredThenMessageEndsWithResetPassword() {
    SandboxHttp.Response r = login("reset@example.com", "Reset-Pass-1", "10.0.1.3");
    assertThat(r.body().get("data").isNull()).isTrue();
    assertThat(r.firstErrorMessage()).endsWith("Reset password");
    assertThat(r.raw().body()).contains("Reset password\"");
  }

  @Test
  void loginWhenTooManyFailuresForEmailThenThrottledEvenWithRightPassword() {
    String email = "throttle-email@example.com";
    register(email);
    for (int i = 0; i < 3; i++) {
      assertThat(login(email, "Wrong-Pass-" + i, "10.1.0." + i).firstErrorMessage())
          .isEqualTo("Invalid credentials");
    }
    SandboxHttp.Response r = login(email, "Throttle-Pass-1", "10.1.0.99");
    assertThat(r.firstErrorCode()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
    assertThat(r.firstErrorMessage()).startsWith("Too many failed login attempts");
  }

  @Test
  void loginWhenTooManyFailuresFromOneIpThenOtherEmailsThrottledFromThatIpOnly() {
    for (int i = 0; i < 3; i++) {
      login("ip-victim-" + i + "@example.com", "Wrong-Pass-1", "10.2.0.1");
    }
    assertThat(login(Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD, "10.2.0.1").firstErrorCode())
        .isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
    SandboxHttp.Response fromTrueClientIp =
        http.request(Documents.LOGIN)
            .variable("email", Fixture.SHOPPER)
            .variable("password", Fixture.SHOPPER_PASSWORD)
            .header("True-Client-IP", "10.2.0.1")
            .header("X-BC-Trusted-Proxy-Secret", Fixture.PROXY_SECRET)
            .send();
    assertThat(fromTrueClientIp.firstErrorCode()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
    assertThat(login(Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD, "10.2.0.2").body().has("errors"))
        .isFalse();
  }

  @Test
  void loginWhen64ConcurrentWrongPasswordsForOneEmailThenAtMostTheLimitAreNotThrottled()
      throws Exception {
    String email = "concurrent-" + java.util.UUID.randomUUID() + "@example.com";
    register(email);
    java.util.List<SandboxHttp.Response> answers =
        Concurrently.run(
            64, i -> login(email, "Wrong-Pass-" + i, "10.64." + (i / 250) + "." + (i % 250)));

    long notThrottled =
        answers.stream().filter(r -> !"TOO_MANY_LOGIN_ATTEMPTS".equals(r.firstErrorCode())).count();
    System.out.println("FIGURE throttle.concurrent_login.not_throttled=" + notThrottled + "/64");
    assertThat(notThrottled).isLessThanOrEqualTo(3);
    assertThat(login(email, "Throttle-Pass-1", "10.64.9.9").firstErrorCode())
        .isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
  }

  @Test
  void loginWhenSentWithOwnCustomerAccessTokenThenThatTokenIsReplaced() {
    String email = "relogin-" + java.util.UUID.randomUUID() + "@example.com";
    register(email);
    String first = Fixture.cat(http, email, "Throttle-Pass-1");
    String other = Fixture.cat(http, email, "Throttle-Pass-1");

    SandboxHttp.Response again =
        http.request(Documents.LOGIN)
            .variable("email", email)
            .variable("password", "Throttle-Pass-1")
            .customer(first)
            .validateToken()
            .send();
    String fresh = again.at("/data/login/customerAccessToken/value").asString();

    assertThat(fresh).isNotBlank().isNotEqualTo(first);
    assertThat(customerEmail(first)).isNull();
    assertThat(customerEmail(fresh)).isEqualTo(email);
    assertThat(customerEmail(other)).as("another device stays signed in").isEqualTo(email);
  }

  private static String customerEmail(String cat) {
    SandboxHttp.Response r = http.request(Documents.CUSTOMER).customer(cat).validateToken().send();
    return r.body().has("errors") ? null : r.at("/data/customer/email").asString();
  }

  @Test
  void logoutWhenLoggedInThenTokenRevokedOnEveryDevice() {
    String deviceA = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    String deviceB = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    SandboxHttp.Response out =
        http.request(Documents.LOGOUT).customer(deviceA).validateToken().send();
    assertThat(out.at("/data/logout/result").asString()).isEqualTo("success");
    for (String cat : new String[] {deviceA, deviceB}) {
      SandboxHttp.Response r =
          http.request(Documents.CUSTOMER).customer(cat).validateToken().send();
      assertThat(r.firstErrorCode()).isEqualTo("INVALID_CUSTOMER_ACCESS_TOKEN");
    }
  }

  @Test
  void logoutWhenGuestThenError() {
    SandboxHttp.Response r = http.request(Documents.LOGOUT).send();
    assertThat(r.body().get("data").isNull()).isTrue();
    assertThat(r.firstErrorCode()).isEqualTo("CUSTOMER_NOT_LOGGED_IN");
  }

  @Test
  void loginWhenPasswordMissingVariableThenValidationErrorNotCrash() {
    SandboxHttp.Response r =
        http.request(Documents.LOGIN).variable("email", Fixture.SHOPPER).send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("errors").size()).isGreaterThan(0);
  }

  private static void register(String email) {
    SandboxHttp.Response r =
        http.request(Documents.REGISTER)
            .variable(
                "input",
                Map.of(
                    "firstName",
                    "Thr",
                    "lastName",
                    "Ottle",
                    "email",
                    email,
                    "password",
                    "Throttle-Pass-1"))
            .send();
    assertThat(r.at("/data/customer/registerCustomer/errors").size()).isZero();
  }
}
