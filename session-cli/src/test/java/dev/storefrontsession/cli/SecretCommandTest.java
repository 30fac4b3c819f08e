package dev.storefrontsession.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCommandTest {

  @Test
  void runWhenCalledThenThirtyTwoRandomBytesInBase64() {
    ToolRun first = ToolRun.run("secret");
    ToolRun second = ToolRun.run("secret");
    assertThat(first.exitCode()).isZero();
    assertThat(Base64.getDecoder().decode(first.out().strip())).hasSize(32);
    assertThat(first.out()).isNotEqualTo(second.out());
  }

  @Test
  void runWhenArgumentsGivenThenExit2() {
    assertThat(ToolRun.run("secret", "extra").exitCode()).isEqualTo(2);
    assertThat(ToolRun.run("secret", "--length", "3").exitCode()).isEqualTo(2);
  }
}
