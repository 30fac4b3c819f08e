package dev.storefrontsession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodeCommandTest {

  static final String COOKIE = "__Secure-authjs.session-token";
  static final String NOW = "1760000000";

  static String token(String secret, String claims, String maxAge) {
    ToolRun run =
        ToolRun.piped(
            claims,
            "encode",
            "--secret",
            secret,
            "--cookie-name",
            COOKIE,
            "--now",
            NOW,
            "--max-age",
            maxAge);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out().strip();
  }

  @Test
  void runWhenValidTokenThenClaimsJsonOnStdoutExit0() {
    String token = token("s1", "{\"user\":{\"cartId\":\"c\"}}", "60");
    ToolRun run =
        ToolRun.run("decode", "--secret", "s1", "--cookie-name", COOKIE, "--now", NOW, token);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .matches(
            "\\{\"user\":\\{\"cartId\":\"c\"},\"iat\":1760000000,\"exp\":1760000060,"
                + "\"jti\":\"[0-9a-f-]{36}\"}\\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void runWhenTokenFromOlderSecretThenDecodedWithRotation() {
    String token = token("old", "{}", "60");
    assertThat(
            ToolRun.run(
                    "decode",
                    "--secret",
                    "new",
                    "--secret",
                    "old",
                    "--cookie-name",
                    COOKIE,
                    "--now",
                    NOW,
                    token)
                .exitCode())
        .isZero();
  }

  @Test
  void runWhenTokenOnStdinWithDashThenDecoded() {
    String token = token("s1", "{}", "60");
    assertThat(
            ToolRun.piped(
                    token + "\n",
                    "decode",
                    "--secret",
                    "s1",
                    "--cookie-name",
                    COOKIE,
                    "--now",
                    NOW,
                    "-")
                .exitCode())
        .isZero();
  }

  @Test
  void runWhenSecretFromEnvironmentThenUsed() {
    String token = token("env-secret", "{}", "60");
    ToolRun run =
        ToolRun.withEnvironment(
            "",
            Map.of("AUTH_SECRET", "env-secret"),
            "decode",
            "--cookie-name",
            COOKIE,
            "--now",
            NOW,
            token);
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void runWhenExpiredThenOneLineNamingReasonExit1() {
    String token = token("s1", "{}", "60");
    ToolRun run =
        ToolRun.run(
            "decode", "--secret", "s1", "--cookie-name", COOKIE, "--now", "1760000075", token);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("session-tool decode: token rejected: EXPIRED (the token has expired)\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void runWhenWrongSecretOrCookieNameThenRejectedWithoutEchoingTokenOrSecret() {
    String token = token("s1", "{}", "60");
    ToolRun wrongSecret =
        ToolRun.run("decode", "--secret", "s2", "--cookie-name", COOKIE, "--now", NOW, token);
    ToolRun wrongName =
        ToolRun.run(
            "decode",
            "--secret",
            "s1",
            "--cookie-name",
            "authjs.session-token",
            "--now",
            NOW,
            token);
    assertThat(wrongSecret.exitCode()).isEqualTo(1);
    assertThat(wrongSecret.err())
        .contains("NO_MATCHING_KEY")
        .doesNotContain(token.substring(0, 40))
        .doesNotContain("s2");
    assertThat(wrongName.err()).contains("NO_MATCHING_KEY");
  }

  @Test
  void runWhenGarbageTokenThenMalformedExit1() {
    ToolRun run = ToolRun.run("decode", "--secret", "s1", "--cookie-name", COOKIE, "not-a-token");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("MALFORMED").doesNotContain("not-a-token");
  }

  @Test
  void runWhenMissingSecretCookieNameOrTokenThenExit2() {
    assertThat(ToolRun.run("decode", "--cookie-name", COOKIE, "t").exitCode()).isEqualTo(2);
    assertThat(ToolRun.run("decode", "--secret", "s", "t").exitCode()).isEqualTo(2);
    assertThat(ToolRun.run("decode", "--secret", "s", "--cookie-name", COOKIE).exitCode())
        .isEqualTo(2);
    assertThat(ToolRun.run("decode", "--secret", "s", "--cookie-name", COOKIE, "a", "b").exitCode())
        .isEqualTo(2);
    assertThat(ToolRun.run("decode", "--secret", "", "--cookie-name", COOKIE, "a").exitCode())
        .isEqualTo(2);
  }
}
