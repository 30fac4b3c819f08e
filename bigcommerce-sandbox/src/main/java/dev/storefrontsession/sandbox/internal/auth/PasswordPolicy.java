package dev.storefrontsession.sandbox.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The store's password rules, as BigCommerce's default: at least {@value #MINIMUM_LENGTH}
 * characters with letters and numbers. bcrypt ignores bytes after the 72nd, so longer passwords are
 * refused rather than silently truncated.
 */
public final class PasswordPolicy {

  public static final int MINIMUM_LENGTH = 7;
  public static final int MINIMUM_NUMBERS = 1;
  public static final int MAXIMUM_BYTES = 72;

  private PasswordPolicy() {}

  /** Why the password is not acceptable, or empty when it is. */
  public static Optional<String> violation(String password) {
    if (password == null || password.length() < MINIMUM_LENGTH) {
      return Optional.of(
          "Passwords must be at least "
              + MINIMUM_LENGTH
              + " characters and contain both letters and numbers.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
      return Optional.of("Passwords must be at most " + MAXIMUM_BYTES + " bytes long.");
    }
    boolean letter = password.codePoints().anyMatch(Character::isLetter);
    long digits = password.codePoints().filter(Character::isDigit).count();
    if (!letter || digits < MINIMUM_NUMBERS) {
      return Optional.of(
          "Passwords must be at least "
              + MINIMUM_LENGTH
              + " characters and contain both letters and numbers.");
    }
    if (password.isBlank() || !password.strip().equals(password)) {
      return Optional.of("Passwords must not begin or end with spaces.");
    }
    return Optional.empty();
  }
}
