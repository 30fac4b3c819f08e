package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.storefront.embedded.EmbeddedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up rules: the AUTH_SECRET check, the embedded sandbox decision and the {@code --port}
 * argument.
 */
@ExtendWith(OutputCaptureExtension.class)
class StorefrontApplicationTest {

  @Test
  void startWhenProductionWithoutStoreThenRefusesWithOneReportNamingTheMissingSettings(
      CapturedOutput output) {
    assertThatThrownBy(
            () ->
                StorefrontApplication.builder()
                    .properties(
                        "server.port=0",
                        "storefront.announce=false",
                        "STOREFRONT_ENV=production",
                        "AUTH_SECRET=configured-secret-0123456789abcdef",
                        "storefront.sandbox.in-memory=true")
                    .run())
        .hasStackTraceContaining("BIGCOMMERCE_STORE_HASH")
        .hasStackTraceContaining("BIGCOMMERCE_STOREFRONT_TOKEN");
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("BIGCOMMERCE_STORE_HASH")
        .contains("BIGCOMMERCE_STOREFRONT_TOKEN")
        .doesNotContain("AUTH_SECRET is not set")
        .doesNotContain("embedded sandbox at");
  }

  @Test
  void startWhenProductionWithoutStoreOrSecretThenOneReportNamesThemAll(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                StorefrontApplication.builder()
                    .profiles("production")
                    .properties(
                        "server.port=0",
                        "storefront.announce=false",
                        "storefront.sandbox.in-memory=true")
                    .run())
        .hasStackTraceContaining("AUTH_SECRET is not set");
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("AUTH_SECRET")
        .contains("BIGCOMMERCE_STORE_HASH")
        .contains("BIGCOMMERCE_STOREFRONT_TOKEN");
  }

  @Test
  void startWhenProductionAsksForTheSandboxThenRefuses() {
    assertThatThrownBy(
            () ->
                StorefrontApplication.builder()
                    .properties(
                        "server.port=0",
                        "storefront.announce=false",
                        "STOREFRONT_ENV=production",
                        "AUTH_SECRET=configured-secret-0123456789abcdef",
                        "storefront.sandbox.mode=always",
                        "storefront.sandbox.in-memory=true")
                    .run())
        .hasStackTraceContaining("sandbox");
  }

  @Test
  void startWhenProductionWithStoreTokenMissingThenRefusesNamingIt() {
    assertThatThrownBy(
            () ->
                StorefrontApplication.builder()
                    .properties(
                        "server.port=0",
                        "storefront.announce=false",
                        "STOREFRONT_ENV=production",
                        "AUTH_SECRET=configured-secret-0123456789abcdef",
                        "BIGCOMMERCE_STORE_HASH=abc")
                    .run())
        .hasStackTraceContaining("BIGCOMMERCE_STOREFRONT_TOKEN");
  }

  @Test
  void startWhenProductionWithoutAuthSecretThenRefuses() {
    assertThatThrownBy(
            () ->
                StorefrontApplication.builder()
                    .properties(
                        "server.port=0",
                        "storefront.announce=false",
                        "STOREFRONT_ENV=production",
                        "storefront.sandbox.mode=never",
                        "BIGCOMMERCE_GRAPHQL_ENDPOINT=http://127.0.0.1:9/graphql",
                        "BIGCOMMERCE_STORE_HASH=abc",
                        "BIGCOMMERCE_STOREFRONT_TOKEN=token")
                    .run())
        .hasStackTraceContaining("AUTH_SECRET is not set");
  }

  @Test
  void startWhenProductionProfileWithoutAuthSecretThenRefuses() {
    assertThatThrownBy(
            () ->
                StorefrontApplication.builder()
                    .profiles("production")
                    .properties(
                        "server.port=0",
                        "storefront.announce=false",
                        "storefront.sandbox.mode=never",
                        "BIGCOMMERCE_GRAPHQL_ENDPOINT=http://127.0.0.1:9/graphql",
                        "BIGCOMMERCE_STORE_HASH=abc",
                        "BIGCOMMERCE_STOREFRONT_TOKEN=token")
                    .run())
        .hasStackTraceContaining("AUTH_SECRET is not set");
  }

  @Test
  void startWhenDevelopmentWithoutAuthSecretAndNoStoreThenGeneratesSecretAndEmbedsSandbox() {
    try (ConfigurableApplicationContext context =
        StorefrontApplication.builder()
            .properties(
                "server.port=0", "storefront.announce=false", "storefront.sandbox.in-memory=true")
            .run()) {
      assertThat(context.getEnvironment().getProperty("AUTH_SECRET"))
          .hasSizeGreaterThanOrEqualTo(32);
      EmbeddedSandbox sandbox = context.getBean(EmbeddedSandbox.class);
      assertThat(context.getEnvironment().getProperty("BIGCOMMERCE_GRAPHQL_ENDPOINT"))
          .isEqualTo(sandbox.graphqlEndpointTemplate());
      assertThat(sandbox.graphqlEndpoint().getHost()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void startWhenStoreConfiguredThenNoSandbox() {
    try (ConfigurableApplicationContext context =
        StorefrontApplication.builder()
            .properties(
                "server.port=0",
                "storefront.announce=false",
                "AUTH_SECRET=configured-secret-0123456789abcdef",
                "BIGCOMMERCE_GRAPHQL_ENDPOINT=http://127.0.0.1:9/graphql",
                "BIGCOMMERCE_STORE_HASH=abc",
                "BIGCOMMERCE_CHANNEL_ID=1",
                "BIGCOMMERCE_STOREFRONT_TOKEN=token")
            .run()) {
      assertThat(context.getBeanProvider(EmbeddedSandbox.class).getIfAvailable()).isNull();
      assertThat(context.getEnvironment().getProperty("AUTH_SECRET"))
          .isEqualTo("configured-secret-0123456789abcdef");
    }
  }

  @Test
  void translateArgumentsWhenPortGivenThenServerPort() {
    assertThat(StorefrontApplication.translateArguments(new String[] {"--port", "9090", "--debug"}))
        .containsExactly("--server.port=9090", "--debug");
    assertThat(StorefrontApplication.translateArguments(new String[] {"--port=7070"}))
        .containsExactly("--server.port=7070");
  }
}
