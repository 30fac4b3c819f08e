package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.testing.TestShop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MissingSessionSecretFailureAnalyzerTest {

  @Test
  void startupWhenSecretMissingThenBootReportsWhatToSetAndNeverAStackTraceFirst() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (SandboxServer sandbox = TestShop.sandbox(true)) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertThatThrownBy(() -> TestShop.app(sandbox, "storefront.session.secret="))
          .hasRootCauseInstanceOf(MissingSessionSecretException.class);
    } finally {
      System.setOut(original);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log)
        .contains("APPLICATION FAILED TO START")
        .contains("AUTH_SECRET is not set: the shopper session cookies cannot be encrypted.")
        .contains("storefront.session.generate-secret-if-missing=true");
  }
}
