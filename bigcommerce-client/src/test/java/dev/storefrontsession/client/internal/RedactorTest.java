package dev.storefrontsession.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void excerptWhenBodyHoldsSecretsThenReplaced() {
    byte[] body =
        "{\"error\":\"token tok-123 and cat abc_999 rejected\"}".getBytes(StandardCharsets.UTF_8);
    String excerpt = Redactor.excerpt(body, List.of("tok-123", "abc_999"));
    assertThat(excerpt).doesNotContain("tok-123").doesNotContain("abc_999").contains("<redacted>");
  }

  @Test
  void excerptWhenLongThenTruncatedWithEllipsis() {
    String excerpt = Redactor.excerpt("x".repeat(5000).getBytes(StandardCharsets.UTF_8), List.of());
    assertThat(excerpt).hasSize(Redactor.EXCERPT_LENGTH + 1).endsWith("…");
  }

  @Test
  void excerptWhenSecretStraddlesTheCutThenNoPrefixOfItLeaks() {
    String secret = "S".repeat(40);
    String body = "y".repeat(Redactor.EXCERPT_LENGTH - 10) + secret + "z".repeat(50);
    String excerpt = Redactor.excerpt(body.getBytes(StandardCharsets.UTF_8), List.of(secret));
    assertThat(excerpt).doesNotContain("SSSS");
  }

  @Test
  void excerptWhenControlCharactersThenSingleLine() {
    assertThat(Redactor.excerpt("a\nb\r\tc".getBytes(StandardCharsets.UTF_8), List.of()))
        .isEqualTo("a b  c");
  }

  @Test
  void excerptWhenEmptyOrNullSecretsThenBodyKept() {
    assertThat(
            Redactor.excerpt(
                "<html>502</html>".getBytes(StandardCharsets.UTF_8), Arrays.asList(null, "", " ")))
        .isEqualTo("<html>502</html>");
    assertThat(Redactor.excerpt(new byte[0], List.of())).isEmpty();
  }

  static final String CAT =
      "8f14e45fceea167a5a36dedd4bea2543c4ca4238a0b923820dcc509a6f75849b_1764700000";
  static final String JWE =
      "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoiYWJjIn0..SVZJVklWSVZJVklW"
          + ".Y2lwaGVydGV4dA.dGFndGFndGFndGFn";

  @Test
  void redactWhenCustomerAccessTokenWholeOrCutShortThenReplaced() {
    for (int end = 20; end <= CAT.length(); end++) {
      String cut = CAT.substring(0, end);
      String redacted = Redactor.redact("{\"value\":\"" + cut, List.of());
      assertThat(redacted).as(cut).isEqualTo("{\"value\":\"<redacted>");
    }
    assertThat(Redactor.redact("a " + CAT.toUpperCase(java.util.Locale.ROOT) + " b", List.of()))
        .isEqualTo("a <redacted> b");
  }

  @Test
  void redactWhenJwtOrJweWholeOrCutShortThenReplaced() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    for (String token : List.of(jwt, JWE)) {
      for (int end = 3; end <= token.length(); end++) {
        String text = "jwt=" + token.substring(0, end);
        assertThat(Redactor.redact(text, List.of())).as(text).isEqualTo("jwt=<redacted>");
      }
    }
  }

  @Test
  void redactWhenConfiguredSecretsThenReplacedLongestFirst() {
    assertThat(
            Redactor.redact(
                "s=client-secret-1 and client-secret", List.of("client-secret", "client-secret-1")))
        .isEqualTo("s=<redacted> and <redacted>");
    assertThat(Redactor.redact(null, List.of("x"))).isNull();
  }

  @Test
  void redactWhenOrdinaryTextThenKept() {
    String text =
        "Cart 3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b not found (HTTP 404, 1764700000 at line 12): eye";
    assertThat(Redactor.redact(text, List.of())).isEqualTo(text);
  }

  @Test
  void excerptWhenBodyCutInsideATokenThenNoPartOfItKept() {
    String body =
        "{\"data\":{\"login\":{\"customerAccessToken\":{\"value\":\""
            + CAT
            + "\",\"expiresAt\":1}}}}";
    for (int cut = 1; cut <= body.length(); cut++) {
      String excerpt =
          Redactor.excerpt(body.substring(0, cut).getBytes(StandardCharsets.UTF_8), List.of());
      assertThat(excerpt).as("cut at %d", cut).doesNotContainPattern("[0-9a-f]{20}");
    }
  }
}
