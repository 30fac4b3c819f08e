package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  @Test
  void builderWhenNoEnvironmentThenDevelopmentDefaults() {
    SandboxSettings s = SandboxSettings.builder(Map.of()).build();
    assertThat(s.storeHash()).isEqualTo("sandbox1");
    assertThat(s.channelId()).isEqualTo(1);
    assertThat(s.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(s.port()).isZero();
    assertThat(s.persistentCart()).isTrue();
    assertThat(s.customerAccessTokenLifetime()).isEqualTo(Duration.ofHours(24));
    assertThat(s.bcryptCost()).isEqualTo(10);
    assertThat(s.storefrontToken()).isEqualTo(SandboxSettings.DEFAULT_STOREFRONT_TOKEN);
    assertThat(s.database()).isInstanceOf(SandboxSettings.Database.H2Files.class);
  }

  @Test
  void builderWhenEnvironmentOverridesThenUsed() {
    SandboxSettings s =
        SandboxSettings.builder(
                Map.of(
                    "SANDBOX_STOREFRONT_TOKEN",
                    "tok",
                    "SANDBOX_CLIENT_ID",
                    "cid",
                    "SANDBOX_CLIENT_SECRET",
                    "0123456789abcdef0123456789abcdef!",
                    "SANDBOX_STORE_HASH",
                    "abc123"))
            .build();
    assertThat(s.storefrontToken()).isEqualTo("tok");
    assertThat(s.clientId()).isEqualTo("cid");
    assertThat(s.clientSecret()).isEqualTo("0123456789abcdef0123456789abcdef!");
    assertThat(s.storeHash()).isEqualTo("abc123");
  }

  @Test
  void toStringWhenPrintedThenSecretsRedacted() {
    SandboxSettings s =
        SandboxSettings.builder(Map.of())
            .jdbcUrl("jdbc:postgresql://x/db", "u", "pg-password-1")
            .build();
    assertThat(s.toString())
        .doesNotContain(s.storefrontToken(), s.clientSecret(), "pg-password-1")
        .contains("<redacted>", "sandbox1");
  }

  @Test
  void toBuilderWhenUsedThenCopyWithChange() {
    SandboxSettings s =
        SandboxSettings.builder(Map.of()).inMemoryDatabase().persistentCart(false).build();
    SandboxSettings t = s.toBuilder().port(4000).build();
    assertThat(t.port()).isEqualTo(4000);
    assertThat(t.persistentCart()).isFalse();
    assertThat(t.database()).isEqualTo(s.database());
  }

  @Test
  void buildWhenValuesInvalidThenClearErrors() {
    assertThatThrownBy(() -> SandboxSettings.builder(Map.of()).clientSecret("short").build())
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> SandboxSettings.builder(Map.of()).port(70000).build())
        .hasMessageContaining("port");
    assertThatThrownBy(() -> SandboxSettings.builder(Map.of()).storefrontToken(" ").build())
        .hasMessageContaining("storefrontToken");
    assertThatThrownBy(
            () ->
                SandboxSettings.builder(Map.of())
                    .customerAccessTokenLifetime(Duration.ZERO)
                    .build())
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> SandboxSettings.builder(Map.of()).bcryptCost(3).build())
        .hasMessageContaining("bcrypt");
  }

  @Test
  void buildWhenBoundBeyondLoopbackWithDevelopmentCredentialsThenRefusedNamingThem() {
    assertThatThrownBy(() -> SandboxSettings.builder(Map.of()).bindAddress("0.0.0.0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SANDBOX_STOREFRONT_TOKEN")
        .hasMessageContaining("SANDBOX_CLIENT_SECRET")
        .hasMessageContaining("0.0.0.0");
    assertThatThrownBy(
            () ->
                SandboxSettings.builder(Map.of("SANDBOX_STOREFRONT_TOKEN", "own-token-0123456789"))
                    .bindAddress("192.0.2.10")
                    .build())
        .hasMessageContaining("SANDBOX_CLIENT_SECRET")
        .hasMessageNotContaining("SANDBOX_STOREFRONT_TOKEN");
    assertThatThrownBy(
            () ->
                SandboxSettings.builder(
                        Map.of(
                            "SANDBOX_CLIENT_SECRET", "an-own-client-secret-of-at-least-32-chars"))
                    .bindAddress("::")
                    .build())
        .hasMessageContaining("SANDBOX_STOREFRONT_TOKEN")
        .hasMessageNotContaining("SANDBOX_CLIENT_SECRET");
  }

  @Test
  void buildWhenBoundBeyondLoopbackWithOwnCredentialsThenAccepted() {
    SandboxSettings s =
        SandboxSettings.builder(
                Map.of(
                    "SANDBOX_STOREFRONT_TOKEN",
                    "own-token-0123456789",
                    "SANDBOX_CLIENT_SECRET",
                    "an-own-client-secret-of-at-least-32-chars"))
            .bindAddress("0.0.0.0")
            .build();
    assertThat(s.bindAddress()).isEqualTo("0.0.0.0");
  }

  @Test
  void buildWhenBoundToLoopbackWithDevelopmentCredentialsThenAccepted() {
    for (String loopback : new String[] {"127.0.0.1", "127.0.0.2", "::1", "localhost"}) {
      assertThat(SandboxSettings.builder(Map.of()).bindAddress(loopback).build().storefrontToken())
          .isEqualTo(SandboxSettings.DEFAULT_STOREFRONT_TOKEN);
    }
  }
}
