package dev.storefrontsession.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.GraphQLError;
import dev.storefrontsession.client.LoginFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginErrorsTest {

  private static List<GraphQLError> error(String message, String code) {
    return List.of(new GraphQLError(message, List.of("login"), List.of(), code));
  }

  @Test
  void classifyWhenInvalidCredentialsMessageThenInvalidCredentials() {
    assertThat(LoginErrors.classify(error("Invalid credentials", null), false))
        .isEqualTo(LoginFailure.INVALID_CREDENTIALS);
  }

  @Test
  void classifyWhenMessageEndsInResetPasswordThenResetRequired() {
    assertThat(LoginErrors.classify(error("Login failed. Please Reset password", null), false))
        .isEqualTo(LoginFailure.RESET_PASSWORD_REQUIRED);
  }

  @Test
  void classifyWhenTooManyAttemptsThenTooMany() {
    assertThat(
            LoginErrors.classify(error("Too many login attempts. Try again later.", null), false))
        .isEqualTo(LoginFailure.TOO_MANY_ATTEMPTS);
    assertThat(LoginErrors.classify(error("slow down", "RATE_LIMITED"), false))
        .isEqualTo(LoginFailure.TOO_MANY_ATTEMPTS);
  }

  @Test
  void classifyWhenUnknownErrorThenOtherForPasswordAndInvalidTokenForJwt() {
    assertThat(LoginErrors.classify(error("Something broke", null), false))
        .isEqualTo(LoginFailure.OTHER);
    assertThat(LoginErrors.classify(error("JWT is expired", null), true))
        .isEqualTo(LoginFailure.INVALID_LOGIN_TOKEN);
  }

  @Test
  void describeWhenAnyFailureThenSentenceWithoutUpstreamText() {
    for (LoginFailure f : LoginFailure.values()) {
      assertThat(LoginErrors.describe(f)).isNotBlank();
    }
  }
}
