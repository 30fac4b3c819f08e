package dev.storefrontsession.sandbox.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCrypt;

class PasswordsTest {

  @Test
  void matchesWhenPasswordIsTheHashedOneThenTrueAndOtherwiseFalse() {
    Passwords passwords = new Passwords(4);
    String hash = passwords.hash("Shopper-Pass-1");

    assertThat(passwords.matches("Shopper-Pass-1", hash)).isTrue();
    assertThat(passwords.matches("shopper-pass-1", hash)).isFalse();
  }

  @Test
  void matchesWhenCustomerIsUnknownThenFalse() {
    assertThat(new Passwords(4).matches("Shopper-Pass-1", null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 10, 12})
  void dummyHashWhenAnyCostThenIsABcryptHashOfThatCostThatBcryptRunsAgainst(int cost) {
    String dummy = new Passwords(cost).dummyHash();

    assertThat(dummy).matches("\\$2a\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    assertThat(dummy).startsWith(String.format("$2a$%02d$", cost));
    // BCrypt.checkpw throws on a malformed salt; a well-formed one is hashed at its cost and
    // compared.
    if (cost <= 10) {
      assertThat(BCrypt.checkpw("sandbox-timing-equaliser", dummy)).isFalse();
    }
  }
}
