package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.storefrontsession.sandbox.PasswordResetMessage;
import dev.storefrontsession.testing.ShopperClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The password journeys over real HTTP against the embedded sandbox: change password in the account
 * settings, forgot password (neutral answer), reset from the link the sandbox "sent" (its outbox),
 * and CSRF on every form.
 */
class PasswordFlowTest {

  private static final String START_PASSWORD = "Start-Pass-1";
  private static final String NEW_PASSWORD = "Fresh-Pass-22";

  static RunningStorefront app;

  private ListAppender<ILoggingEvent> resetLog;

  @BeforeAll
  static void start() {
    app = RunningStorefront.start(false);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void captureResetLog() {
    resetLog = new ListAppender<>();
    resetLog.start();
    logger().addAppender(resetLog);
  }

  @AfterEach
  void releaseResetLog() {
    logger().detachAppender(resetLog);
  }

  private static Logger logger() {
    return (Logger)
        LoggerFactory.getLogger("dev.storefrontsession.storefront.internal.SandboxResetLinks");
  }

  // ---- change password
  // ------------------------------------------------------------------------------------------

  @Test
  void changePasswordWhenCurrentPasswordRightThenStaysSignedInAndOnlyNewPasswordWorks() {
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, START_PASSWORD);

    ShopperClient.Response answer =
        changePassword(shopper, START_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
    assertThat(answer.status()).as("answer: %s", answer.body()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/account/settings");
    ShopperClient.Response settings = shopper.get("/account/settings");
    assertThat(settings.status()).isEqualTo(200);
    assertThat(settings.body()).contains("Your password was changed.");
    assertThat(shopper.get("/account/orders").status()).as("still signed in").isEqualTo(200);

    assertThat(Shop.login(app.shopper(), email, START_PASSWORD).status())
        .as("old password")
        .isEqualTo(401);
    assertThat(Shop.login(app.shopper(), email, NEW_PASSWORD).status())
        .as("new password")
        .isEqualTo(302);
  }

  @Test
  void changePasswordWhenSucceededThenOtherDevicesAndCopiesOfTheOldSessionAreSignedOut() {
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, START_PASSWORD);
    ShopperClient otherDevice = app.shopper();
    Shop.loginOk(otherDevice, email, START_PASSWORD);
    ShopperClient stolenCookie = app.shopper();
    stolenCookie.cookies().putAll(shopper.cookies());
    assertThat(stolenCookie.get("/account/orders").status())
        .as("the copy works before")
        .isEqualTo(200);

    ShopperClient.Response answer =
        changePassword(shopper, START_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

    assertThat(answer.status()).as("answer: %s", answer.body()).isEqualTo(302);
    assertThat(shopper.get("/account/orders").status()).as("this shopper").isEqualTo(200);
    assertThat(otherDevice.get("/account/orders").status()).as("the other device").isEqualTo(302);
    assertThat(stolenCookie.get("/account/orders").status())
        .as("a copy of the old session")
        .isEqualTo(302);
  }

  @Test
  void changePasswordWhenCurrentPasswordWrongTooOftenThenTooManyAttemptsAndStillSignedIn() {
    ShopperClient shopper = app.shopper();
    Shop.register(shopper, START_PASSWORD);
    List<Integer> statuses = new java.util.ArrayList<>();
    ShopperClient.Response last = null;
    for (int i = 0; i < 8; i++) {
      last = changePassword(shopper, "Wrong-Pass-" + i, NEW_PASSWORD, NEW_PASSWORD);
      statuses.add(last.status());
    }
    System.out.println("FIGURE change_password.wrong_current_statuses=" + statuses);

    assertThat(statuses).containsOnly(400, 429).startsWith(400, 400, 400, 400, 400).endsWith(429);
    assertThat(last.body()).contains("Too many attempts").doesNotContain(NEW_PASSWORD);
    assertThat(shopper.get("/account/orders").status()).as("still signed in").isEqualTo(200);
  }

  @Test
  void changePasswordWhenCurrentPasswordWrongThenErrorAndPasswordUnchanged() {
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, START_PASSWORD);

    ShopperClient.Response answer =
        changePassword(shopper, "Wrong-Pass-9", NEW_PASSWORD, NEW_PASSWORD);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains("id=\"password-error\"", "The current password is incorrect.")
        .doesNotContain("Wrong-Pass-9", NEW_PASSWORD);
    assertThat(shopper.get("/account/orders").status()).as("still signed in").isEqualTo(200);
    assertThat(Shop.login(app.shopper(), email, START_PASSWORD).status()).isEqualTo(302);
  }

  @Test
  void changePasswordWhenConfirmationDiffersThenErrorAndPasswordUnchanged() {
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, START_PASSWORD);

    ShopperClient.Response answer =
        changePassword(shopper, START_PASSWORD, NEW_PASSWORD, "Fresh-Pass-23");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains("The new password and its confirmation do not match.")
        .doesNotContain(NEW_PASSWORD, "Fresh-Pass-23", START_PASSWORD);
    assertThat(Shop.login(app.shopper(), email, NEW_PASSWORD).status()).isEqualTo(401);
    assertThat(Shop.login(app.shopper(), email, START_PASSWORD).status()).isEqualTo(302);
  }

  @Test
  void changePasswordWhenNewPasswordBreaksStorePolicyThenStoresMessageShown() {
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, START_PASSWORD);

    ShopperClient.Response answer =
        changePassword(shopper, START_PASSWORD, "lettersonly", "lettersonly");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains("Passwords must be at least 7 characters and contain both letters and numbers.");
    assertThat(Shop.login(app.shopper(), email, START_PASSWORD).status()).isEqualTo(302);
  }

  @Test
  void changePasswordWhenFieldsEmptyThenAsksForThem() {
    ShopperClient shopper = app.shopper();
    Shop.register(shopper, START_PASSWORD);
    assertThat(changePassword(shopper, "", NEW_PASSWORD, NEW_PASSWORD).body())
        .contains("Please enter your current password.");
    assertThat(changePassword(shopper, START_PASSWORD, NEW_PASSWORD, "").body())
        .contains("Please enter the new password again to confirm it.");
  }

  @Test
  void settingsWhenGuestThenRedirectedToLoginWithReturnPath() {
    ShopperClient.Response page = app.shopper().get("/account/settings");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).contains("/login").contains("redirectTo=");
  }

  @Test
  void settingsWhenSignedInThenReachableFromAccountNavigation() {
    ShopperClient shopper = app.shopper();
    Shop.register(shopper, START_PASSWORD);
    assertThat(shopper.get("/account/profile").body()).contains("href=\"/account/settings\"");
    assertThat(shopper.get("/account/settings").body())
        .contains("id=\"change-password-form\"", "name=\"_csrf\"");
  }

  @Test
  void signOutEverywhereWhenSignedInOnTwoDevicesThenBothEndAndTheOtherIsSentToLogin() {
    ShopperClient laptop = app.shopper();
    String email = Shop.register(laptop, START_PASSWORD);
    ShopperClient phone = app.shopper();
    Shop.loginOk(phone, email, START_PASSWORD);
    assertThat(phone.get("/account/orders").status()).isEqualTo(200);

    ShopperClient.Response answer =
        laptop.submit("/account/settings", "/account/settings/sign-out-everywhere", Map.of());

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/login");
    assertThat(laptop.get("/login").body()).contains("signed out on every device");
    assertThat(laptop.get("/account/orders").status()).isEqualTo(302);
    ShopperClient.Response phoneAfter = phone.get("/account/orders");
    assertThat(phoneAfter.status()).as("the other device's token was revoked").isEqualTo(302);
    assertThat(phoneAfter.location()).contains("/login");
    assertThat(phone.get("/account/orders").status())
        .as("and its session has ended")
        .isEqualTo(302);
  }

  @Test
  void signOutEverywhereWhenCsrfTokenMissingThenForbiddenAndStillSignedIn() {
    ShopperClient shopper = app.shopper();
    Shop.register(shopper, START_PASSWORD);
    assertThat(shopper.post("/account/settings/sign-out-everywhere", Map.of()).status())
        .isEqualTo(403);
    assertThat(shopper.get("/account/orders").status()).isEqualTo(200);
  }

  @Test
  void changePasswordWhenCsrfTokenMissingThenForbiddenAndPasswordUnchanged() {
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, START_PASSWORD);
    ShopperClient.Response answer =
        shopper.post(
            "/account/settings/password",
            Map.of(
                "currentPassword",
                START_PASSWORD,
                "newPassword",
                NEW_PASSWORD,
                "confirmPassword",
                NEW_PASSWORD));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(Shop.login(app.shopper(), email, START_PASSWORD).status()).isEqualTo(302);
  }

  // ---- forgot password
  // ------------------------------------------------------------------------------------------

  @Test
  void loginPageWhenOpenedThenLinksToForgotPassword() {
    assertThat(app.shopper().get("/login").body()).contains("href=\"/login/forgot-password\"");
  }

  @Test
  void forgotPasswordWhenEmailKnownOrUnknownThenSameNeutralAnswer() {
    String known = Shop.register(app.shopper(), START_PASSWORD);
    String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    ShopperClient.Response knownAnswer = requestReset(app.shopper(), known);
    ShopperClient.Response unknownAnswer = requestReset(app.shopper(), unknown);

    assertThat(knownAnswer.status()).isEqualTo(200);
    assertThat(unknownAnswer.status()).isEqualTo(knownAnswer.status());
    assertThat(confirmation(knownAnswer.body()))
        .contains("If an account uses that email address")
        .isEqualTo(confirmation(unknownAnswer.body()));
    assertThat(knownAnswer.body()).doesNotContain("id=\"forgot-error\"");
    assertThat(knownAnswer.body())
        .as("development with the embedded sandbox: where the link is")
        .contains("id=\"reset-link-hint\"");
    assertThat(unknownAnswer.body()).doesNotContain("id=\"forgot-error\"");
    assertThat(outboxFor(known)).as("the store sent a link to the known email").hasSize(1);
    assertThat(outboxFor(unknown)).isEmpty();
  }

  @Test
  void forgotAndResetPagesWhenSignedInThenGoToAccountAsCatalystAuthPagesDo() {
    ShopperClient shopper = app.shopper();
    Shop.register(shopper, START_PASSWORD);
    ShopperClient.Response forgot = shopper.get("/login/forgot-password");
    assertThat(forgot.status()).isEqualTo(302);
    assertThat(forgot.location()).endsWith("/account/orders");
    ShopperClient.Response reset = shopper.get("/login/reset-password?c=1&t=abc");
    assertThat(reset.status()).isEqualTo(302);
    assertThat(reset.location()).endsWith("/account/orders");
  }

  @Test
  void forgotPasswordWhenEmailMalformedThenErrorKeepsWhatWasTyped() {
    ShopperClient.Response answer = requestReset(app.shopper(), "not-an-email");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains("Please enter a valid email address.", "value=\"not-an-email\"")
        .doesNotContain("id=\"forgot-sent\"");
  }

  @Test
  void forgotPasswordWhenSandboxEmbeddedInDevelopmentThenLogsResetLinkOnlyForKnownEmail() {
    String known = Shop.register(app.shopper(), START_PASSWORD);
    requestReset(app.shopper(), known);
    requestReset(
        app.shopper(), "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");

    PasswordResetMessage sent = outboxFor(known).get(0);
    List<String> lines = resetLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines)
        .containsExactly(
            "password reset link for "
                + known
                + ": "
                + app.baseUri()
                + "/login/reset-password?c="
                + sent.customerEntityId()
                + "&t="
                + sent.token());
  }

  @Test
  void forgotPasswordWhenCsrfTokenMissingThenForbiddenAndNothingSent() {
    String known = Shop.register(app.shopper(), START_PASSWORD);
    ShopperClient guest = app.shopper();
    guest.get("/login/forgot-password");
    assertThat(guest.post("/login/forgot-password", Map.of("email", known)).status())
        .isEqualTo(403);
    assertThat(outboxFor(known)).isEmpty();
  }

  // ---- reset password
  // -------------------------------------------------------------------------------------------

  @Test
  void resetPasswordWhenTokenFromStoreThenNewPasswordSignsInAndOldFailsAndLinkIsSingleUse() {
    String email = Shop.register(app.shopper(), START_PASSWORD);
    ShopperClient guest = app.shopper();
    requestReset(guest, email);
    String link = resetLink(outboxFor(email).get(0));

    ShopperClient.Response form = guest.get(link);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("id=\"reset-password-form\"");
    assertThat(form.response().headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

    ShopperClient.Response answer =
        guest.submit(link, "/login/reset-password", resetForm(link, NEW_PASSWORD, NEW_PASSWORD));
    assertThat(answer.status()).as("answer: %s", answer.body()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/login");
    assertThat(guest.get("/login").body())
        .contains("Your password was updated. Please sign in with your new password.");

    assertThat(Shop.login(app.shopper(), email, START_PASSWORD).status())
        .as("old password")
        .isEqualTo(401);
    assertThat(Shop.login(app.shopper(), email, NEW_PASSWORD).status())
        .as("new password")
        .isEqualTo(302);

    ShopperClient.Response again =
        guest.submit(
            link, "/login/reset-password", resetForm(link, "Third-Pass-3", "Third-Pass-3"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("The password reset link is invalid or has expired.");
  }

  @Test
  void resetPasswordWhenTokenInvalidThenErrorAndFormKeptWithoutPasswords() {
    String email = Shop.register(app.shopper(), START_PASSWORD);
    ShopperClient guest = app.shopper();
    requestReset(guest, email);
    PasswordResetMessage sent = outboxFor(email).get(0);
    String forged = "/login/reset-password?c=" + sent.customerEntityId() + "&t=" + "0".repeat(48);

    ShopperClient.Response answer =
        guest.submit(
            forged, "/login/reset-password", resetForm(forged, NEW_PASSWORD, NEW_PASSWORD));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains(
            "The password reset link is invalid or has expired.",
            "id=\"reset-password-form\"",
            "name=\"c\" value=\"" + sent.customerEntityId() + "\"",
            "href=\"/login/forgot-password\"")
        .doesNotContain(NEW_PASSWORD);
    assertThat(Shop.login(app.shopper(), email, START_PASSWORD).status()).isEqualTo(302);
  }

  @Test
  void resetPasswordWhenConfirmationDiffersThenErrorAndTokenStillUsable() {
    String email = Shop.register(app.shopper(), START_PASSWORD);
    ShopperClient guest = app.shopper();
    requestReset(guest, email);
    String link = resetLink(outboxFor(email).get(0));

    ShopperClient.Response mismatch =
        guest.submit(link, "/login/reset-password", resetForm(link, NEW_PASSWORD, "Other-Pass-4"));
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.body())
        .contains("do not match", "id=\"reset-password-form\"")
        .doesNotContain(NEW_PASSWORD, "Other-Pass-4");
    ShopperClient.Response weak =
        guest.submit(link, "/login/reset-password", resetForm(link, "short", "short"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body()).contains("Passwords must be at least 7 characters");

    assertThat(
            guest
                .submit(link, "/login/reset-password", resetForm(link, NEW_PASSWORD, NEW_PASSWORD))
                .status())
        .isEqualTo(302);
  }

  @Test
  void resetPasswordWhenLinkIncompleteThenAsksForNewLinkWithoutForm() {
    ShopperClient.Response page = app.shopper().get("/login/reset-password?c=abc");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body())
        .contains(
            "This password reset link is incomplete or damaged.", "href=\"/login/forgot-password\"")
        .doesNotContain("id=\"reset-password-form\"");
  }

  @Test
  void resetPasswordWhenCsrfTokenMissingThenForbiddenAndTokenStillUsable() {
    String email = Shop.register(app.shopper(), START_PASSWORD);
    ShopperClient guest = app.shopper();
    requestReset(guest, email);
    String link = resetLink(outboxFor(email).get(0));
    guest.get(link);

    assertThat(
            guest
                .post("/login/reset-password", resetForm(link, NEW_PASSWORD, NEW_PASSWORD))
                .status())
        .isEqualTo(403);
    assertThat(Shop.login(app.shopper(), email, START_PASSWORD).status()).isEqualTo(302);
    assertThat(
            guest
                .submit(link, "/login/reset-password", resetForm(link, NEW_PASSWORD, NEW_PASSWORD))
                .status())
        .isEqualTo(302);
  }

  // ---- helpers
  // --------------------------------------------------------------------------------------------------

  private static ShopperClient.Response changePassword(
      ShopperClient shopper, String current, String next, String confirm) {
    return shopper.submit(
        "/account/settings",
        "/account/settings/password",
        Map.of("currentPassword", current, "newPassword", next, "confirmPassword", confirm));
  }

  private static ShopperClient.Response requestReset(ShopperClient shopper, String email) {
    return shopper.submit(
        "/login/forgot-password", "/login/forgot-password", Map.of("email", email));
  }

  private static List<PasswordResetMessage> outboxFor(String email) {
    return app.sandbox().server().sentPasswordResetMessages().stream()
        .filter(m -> m.email().equalsIgnoreCase(email))
        .toList();
  }

  private static String resetLink(PasswordResetMessage m) {
    assertThat(m.path()).isEqualTo("/login/reset-password");
    return m.path() + "?c=" + m.customerEntityId() + "&t=" + m.token();
  }

  /**
   * The reset form's fields: the link's {@code c} and {@code t} as hidden fields, and the two
   * passwords.
   */
  private static Map<String, String> resetForm(String link, String password, String confirm) {
    String query = link.substring(link.indexOf('?') + 1);
    String c = query.replaceAll(".*(?:^|&)c=([^&]*).*", "$1");
    String t = query.replaceAll(".*(?:^|&)t=([^&]*).*", "$1");
    return Map.of("c", c, "t", t, "newPassword", password, "confirmPassword", confirm);
  }

  private static String confirmation(String body) {
    int start = body.indexOf("id=\"forgot-sent\"");
    assertThat(start).as("neutral confirmation on the page").isPositive();
    return body.substring(start, body.indexOf("</div>", start));
  }
}
