package dev.storefrontsession.storefront.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checks the password forms make before the store sees anything. */
class PasswordControllerTest {

  @Test
  void newPasswordProblemWhenMissingTooLongOrMismatchedThenExplains() {
    assertThat(PasswordController.newPasswordProblem(null, "x"))
        .isEqualTo("Please enter a new password.");
    assertThat(PasswordController.newPasswordProblem("", ""))
        .isEqualTo("Please enter a new password.");
    String longOne = "a1".repeat(200);
    assertThat(PasswordController.newPasswordProblem(longOne, longOne))
        .isEqualTo("The new password is too long.");
    assertThat(PasswordController.newPasswordProblem("Abc-1234", null))
        .isEqualTo("Please enter the new password again to confirm it.");
    assertThat(PasswordController.newPasswordProblem("Abc-1234", "Abc-1235"))
        .isEqualTo("The new password and its confirmation do not match.");
  }

  @Test
  void newPasswordProblemWhenConfirmedThenNoneAndPolicyLeftToTheStore() {
    assertThat(PasswordController.newPasswordProblem("Abc-1234", "Abc-1234")).isNull();
    assertThat(PasswordController.newPasswordProblem("short", "short"))
        .as("the store's policy decides")
        .isNull();
  }

  @Test
  void customerEntityIdWhenNotAPositiveNumberThenNull() {
    assertThat(PasswordController.customerEntityId(" 42 ")).isEqualTo(42);
    assertThat(PasswordController.customerEntityId("0")).isNull();
    assertThat(PasswordController.customerEntityId("-3")).isNull();
    assertThat(PasswordController.customerEntityId("abc")).isNull();
    assertThat(PasswordController.customerEntityId("99999999999")).isNull();
    assertThat(PasswordController.customerEntityId(null)).isNull();
  }

  @Test
  void tokenWhenBlankHasSpacesControlCharactersOrIsHugeThenRefused() {
    assertThat(PasswordController.token("8f80294ce3e511d9")).isTrue();
    assertThat(PasswordController.token(null)).isFalse();
    assertThat(PasswordController.token("  ")).isFalse();
    assertThat(PasswordController.token("ab cd")).isFalse();
    assertThat(PasswordController.token("ab\ncd")).isFalse();
    assertThat(PasswordController.token("é")).isFalse();
    assertThat(PasswordController.token("a".repeat(PasswordController.MAX_TOKEN + 1))).isFalse();
  }
}
