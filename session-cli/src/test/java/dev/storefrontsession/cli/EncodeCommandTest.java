package dev.storefrontsession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodeCommandTest {

  static final String COOKIE = "authjs.session-token";

  @Test
  void runWhenClaimsOnStdinThenTokenThatDecodesToThem() {
    ToolRun encode =
        ToolRun.piped(
            "{\"name\":\"Jane\",\"custom\":{\"a\":[1,null]}}",
            "encode",
            "--secret",
            "s",
            "--cookie-name",
            COOKIE,
            "--now",
            "1000",
            "--max-age",
            "10");
    assertThat(encode.exitCode()).isZero();
    String token = encode.out().strip();
    assertThat(token.split("\\.", -1)).hasSize(5);
    ToolRun decode =
        ToolRun.run("decode", "--secret", "s", "--cookie-name", COOKIE, "--now", "1000", token);
    assertThat(decode.out())
        .startsWith("{\"name\":\"Jane\",\"custom\":{\"a\":[1,null]},\"iat\":1000,\"exp\":1010,");
  }

  @Test
  void runWhenMaxAgeOmittedThenThirtyDays() {
    String token =
        ToolRun.piped("{}", "encode", "--secret", "s", "--cookie-name", COOKIE, "--now", "0")
            .out()
            .strip();
    assertThat(
            ToolRun.run("decode", "--secret", "s", "--cookie-name", COOKIE, "--now", "0", token)
                .out())
        .contains("\"exp\":2592000");
  }

  @Test
  void runWhenStdinNotJsonObjectThenClearErrorExit1() {
    ToolRun notJson =
        ToolRun.piped("{name: 1}", "encode", "--secret", "s", "--cookie-name", COOKIE);
    assertThat(notJson.exitCode()).isEqualTo(1);
    assertThat(notJson.err())
        .startsWith("session-tool encode: invalid claims JSON on stdin: invalid JSON at byte 1");
    assertThat(ToolRun.piped("[1]", "encode", "--secret", "s", "--cookie-name", COOKIE).exitCode())
        .isEqualTo(1);
    ToolRun empty = ToolRun.piped("", "encode", "--secret", "s", "--cookie-name", COOKIE);
    assertThat(empty.exitCode()).isEqualTo(1);
    assertThat(empty.err()).contains("no claims on stdin");
  }

  @Test
  void runWhenBadMaxAgeOrPositionalArgumentThenExit2() {
    assertThat(
            ToolRun.piped(
                    "{}", "encode", "--secret", "s", "--cookie-name", COOKIE, "--max-age", "-5")
                .exitCode())
        .isEqualTo(2);
    assertThat(
            ToolRun.piped("{}", "encode", "--secret", "s", "--cookie-name", COOKIE, "extra")
                .exitCode())
        .isEqualTo(2);
  }
}
