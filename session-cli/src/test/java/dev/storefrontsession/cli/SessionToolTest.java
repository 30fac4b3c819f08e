package dev.storefrontsession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionToolTest {

  @Test
  void runWhenNoArgumentsThenUsageOnStderrAndExit2() {
    ToolRun run = ToolRun.run();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("usage: session-tool")
        .contains("decode")
        .contains("encode")
        .contains("secret");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void runWhenUnknownCommandThenNamedAndExit2() {
    ToolRun run = ToolRun.run("frobnicate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown command 'frobnicate'");
  }

  @Test
  void runWhenHelpThenUsageOnStdoutAndExit0() {
    ToolRun run = ToolRun.run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("usage: session-tool");
    ToolRun commandHelp = ToolRun.run("decode", "--help");
    assertThat(commandHelp.exitCode()).isZero();
    assertThat(commandHelp.out()).contains("--cookie-name");
  }

  @Test
  void runWhenUnknownOptionThenCommandUsageAndExit2() {
    ToolRun run = ToolRun.run("decode", "--secret", "s", "--cookie-name", "n", "--verbose", "t");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown option --verbose")
        .contains("session-tool decode --secret S");
  }

  @Test
  void runWhenOptionValueMissingThenExit2() {
    assertThat(ToolRun.run("decode", "--secret").exitCode()).isEqualTo(2);
  }
}
