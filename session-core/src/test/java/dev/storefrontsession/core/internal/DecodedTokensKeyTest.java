package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class DecodedTokensKeyTest {

  private final MessageDigest sha256 = DecodedTokens.newDigest();

  @Test
  void keyWhenSameNameAndTokenThenEqualWithTheSameHash() {
    DecodedTokens.Key first = DecodedTokens.key(sha256, "authjs.session-token", "a.b.c.d.e");
    DecodedTokens.Key second = DecodedTokens.key(sha256, "authjs.session-token", "a.b.c.d.e");

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
  }

  @Test
  void keyWhenAnyOfTheFourPartsDiffersThenNotEqual() {
    DecodedTokens.Key key = new DecodedTokens.Key(1, 2, 3, 4);

    assertThat(key)
        .isNotEqualTo(new DecodedTokens.Key(0, 2, 3, 4))
        .isNotEqualTo(new DecodedTokens.Key(1, 0, 3, 4))
        .isNotEqualTo(new DecodedTokens.Key(1, 2, 0, 4))
        .isNotEqualTo(new DecodedTokens.Key(1, 2, 3, 0))
        .isNotEqualTo(null)
        .isNotEqualTo("1234");
  }

  @Test
  void keyWhenOtherCookieNameOrTokenThenNotEqual() {
    DecodedTokens.Key key = DecodedTokens.key(sha256, "authjs.session-token", "token");

    assertThat(key)
        .isNotEqualTo(DecodedTokens.key(sha256, "__Secure-authjs.session-token", "token"))
        .isNotEqualTo(DecodedTokens.key(sha256, "authjs.session-token", "tokeN"));
  }
}
