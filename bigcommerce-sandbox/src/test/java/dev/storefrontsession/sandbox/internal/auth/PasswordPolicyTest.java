package dev.storefrontsession.sandbox.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void violationWhenLettersAndNumbersAndLongEnoughThenNone() {
    assertThat(PasswordPolicy.violation("abcdef1")).isEmpty();
    assertThat(PasswordPolicy.violation("Shopper-Pass-1")).isEmpty();
  }

  @Test
  void violationWhenTooShortOrMissingLettersOrNumbersThenExplained() {
    assertThat(PasswordPolicy.violation("abc12"))
        .hasValueSatisfying(m -> assertThat(m).contains("at least 7"));
    assertThat(PasswordPolicy.violation("abcdefgh"))
        .hasValueSatisfying(m -> assertThat(m).contains("numbers"));
    assertThat(PasswordPolicy.violation("12345678"))
        .hasValueSatisfying(m -> assertThat(m).contains("letters"));
    assertThat(PasswordPolicy.violation(null)).isPresent();
  }

  @Test
  void violationWhenLongerThan72BytesThenRefusedInsteadOfTruncated() {
    assertThat(PasswordPolicy.violation("a1".repeat(37)))
        .hasValueSatisfying(m -> assertThat(m).contains("72"));
    assertThat(PasswordPolicy.violation("a1".repeat(36))).isEmpty();
  }

  @Test
  void violationWhenLeadingOrTrailingSpaceThenRefused() {
    assertThat(PasswordPolicy.violation(" abcdef1")).isPresent();
    assertThat(PasswordPolicy.violation("abcdef1 ")).isPresent();
  }
}
