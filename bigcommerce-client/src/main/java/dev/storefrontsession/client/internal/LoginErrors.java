package dev.storefrontsession.client.internal;

import dev.storefrontsession.client.GraphQLError;
import dev.storefrontsession.client.LoginFailure;
import java.util.List;
import java.util.Locale;

/**
 * Maps the errors of a refused sign-in to a {@link LoginFailure}, from the texts and codes
 * BigCommerce (and the sandbox) use: "Invalid credentials", a message ending in "Reset password",
 * rate-limit wording or codes.
 */
public final class LoginErrors {

  private LoginErrors() {}

  public static LoginFailure classify(List<GraphQLError> errors, boolean jwtLogin) {
    for (GraphQLError e : errors) {
      String code = e.code() == null ? "" : e.code().toUpperCase(Locale.ROOT);
      String message = e.message().toLowerCase(Locale.ROOT);
      if (code.contains("TOO_MANY")
          || code.contains("RATE_LIMIT")
          || message.contains("too many")
          || message.contains("rate limit")) {
        return LoginFailure.TOO_MANY_ATTEMPTS;
      }
      if (code.contains("RESET_PASSWORD")
          || code.contains("PASSWORD_RESET")
          || message.contains("reset password")
          || message.contains("password reset")) {
        return LoginFailure.RESET_PASSWORD_REQUIRED;
      }
      if (code.equals("INVALID_CREDENTIALS") || message.contains("invalid credentials")) {
        return LoginFailure.INVALID_CREDENTIALS;
      }
    }
    return jwtLogin ? LoginFailure.INVALID_LOGIN_TOKEN : LoginFailure.OTHER;
  }

  /**
   * A form-friendly sentence for a failure (the upstream text is kept in the exception's errors).
   */
  public static String describe(LoginFailure failure) {
    return switch (failure) {
      case INVALID_CREDENTIALS -> "The email or password is incorrect";
      case RESET_PASSWORD_REQUIRED -> "The password must be reset before signing in";
      case TOO_MANY_ATTEMPTS -> "Too many sign-in attempts; try again later";
      case INVALID_LOGIN_TOKEN -> "The login link is invalid or has expired";
      case OTHER -> "Sign-in was refused";
    };
  }
}
