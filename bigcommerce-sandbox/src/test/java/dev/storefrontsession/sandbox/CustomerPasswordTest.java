package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password change and reset as an attacker sees them: wrong current passwords are throttled like
 * logins, a changed or reset password signs the customer out everywhere else, and a consumed reset
 * link takes the others with it.
 */
class CustomerPasswordTest {

  static final String PASSWORD = "Engine-Pass-1";

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

  private static String register() {
    String email = "pw-" + UUID.randomUUID() + "@example.com";
    SandboxHttp.Response r =
        http.request(Documents.REGISTER)
            .variable(
                "input",
                Map.of(
                    "firstName",
                    "Ada",
                    "lastName",
                    "Lovelace",
                    "email",
                    email,
                    "password",
                    PASSWORD))
            .send();
    assertThat(r.at("/data/customer/registerCustomer/errors").size()).isZero();
    return email;
  }

  private static SandboxHttp.Response changePassword(
      String cat, String current, String next, String ip) {
    return http.request(Documents.CHANGE_PASSWORD)
        .customer(cat)
        .validateToken()
        .variable("input", Map.of("currentPassword", current, "newPassword", next))
        .header("True-Client-IP", ip)
        .header("X-BC-Trusted-Proxy-Secret", Fixture.PROXY_SECRET)
        .send();
  }

  private static boolean valid(String cat) {
    return !http.request(Documents.CUSTOMER)
        .customer(cat)
        .validateToken()
        .send()
        .body()
        .has("errors");
  }

  @Test
  void changePasswordWhenCurrentPasswordWrongTooOftenThenThrottledLikeLogin() {
    String email = register();
    String cat = Fixture.cat(http, email, PASSWORD);
    for (int i = 0; i < 3; i++) {
      SandboxHttp.Response r =
          changePassword(cat, "Wrong-Pass-" + i, "Newer-Pass-2", "10.70.0." + i);
      assertThat(r.at("/data/customer/changePassword/errors/0/__typename").asString())
          .isEqualTo("ValidationError");
    }

    SandboxHttp.Response right = changePassword(cat, PASSWORD, "Newer-Pass-2", "10.70.0.99");
    SandboxHttp.Response login =
        http.request(Documents.LOGIN)
            .variable("email", email)
            .variable("password", PASSWORD)
            .header("True-Client-IP", "10.70.0.98")
            .header("X-BC-Trusted-Proxy-Secret", Fixture.PROXY_SECRET)
            .send();

    assertThat(right.firstErrorCode()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
    assertThat(login.firstErrorCode())
        .as("login shares the counter")
        .isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
  }

  @Test
  void changePasswordWhen64ConcurrentWrongCurrentPasswordsThenAtMostTheLimitAreNotThrottled()
      throws Exception {
    String cat = Fixture.cat(http, register(), PASSWORD);
    List<SandboxHttp.Response> answers =
        Concurrently.run(
            64,
            i ->
                changePassword(
                    cat,
                    "Wrong-Pass-" + i,
                    "Newer-Pass-2",
                    "10.71." + (i / 250) + "." + (i % 250)));

    long notThrottled =
        answers.stream().filter(r -> !"TOO_MANY_LOGIN_ATTEMPTS".equals(r.firstErrorCode())).count();
    System.out.println(
        "FIGURE throttle.concurrent_change_password.not_throttled=" + notThrottled + "/64");
    assertThat(notThrottled).isLessThanOrEqualTo(3);
  }

  @Test
  void changePasswordWhenSucceededThenOtherDevicesSignedOutAndThisOneStays() {
    String email = register();
    String here = Fixture.cat(http, email, PASSWORD);
    String elsewhere = Fixture.cat(http, email, PASSWORD);

    SandboxHttp.Response r = changePassword(here, PASSWORD, "Newer-Pass-2", "10.72.0.1");

    assertThat(r.at("/data/customer/changePassword/errors").size()).isZero();
    assertThat(valid(elsewhere)).as("the other device").isFalse();
    assertThat(valid(here)).as("the device that changed the password").isTrue();
    assertThat(Fixture.cat(http, email, "Newer-Pass-2")).isNotBlank();
  }

  @Test
  void resetPasswordWhenOneLinkConsumedThenEveryOtherOutstandingLinkIsInvalid() {
    String email = register();
    for (int i = 0; i < 3; i++) {
      http.request(Documents.REQUEST_RESET_PASSWORD)
          .variable("input", Map.of("email", email))
          .send();
    }
    List<PasswordResetMessage> links =
        server.sentPasswordResetMessages().stream().filter(m -> m.email().equals(email)).toList();
    assertThat(links).hasSize(3);

    SandboxHttp.Response used = reset(links.get(1), "Reset-Done-2");
    assertThat(used.at("/data/customer/resetPassword/errors").size()).isZero();

    for (PasswordResetMessage other : List.of(links.get(0), links.get(2))) {
      SandboxHttp.Response r = reset(other, "Reset-Again-3");
      assertThat(r.at("/data/customer/resetPassword/errors/0/__typename").asString())
          .isEqualTo("ValidationError");
    }
    assertThat(Fixture.cat(http, email, "Reset-Done-2")).isNotBlank();
  }

  private static SandboxHttp.Response reset(PasswordResetMessage link, String newPassword) {
    return http.request(Documents.RESET_PASSWORD)
        .variable(
            "input",
            Map.of(
                "customerEntityId",
                link.customerEntityId(),
                "token",
                link.token(),
                "newPassword",
                newPassword))
        .send();
  }
}
