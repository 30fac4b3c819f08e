package dev.storefrontsession.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.CustomerLogin;
import dev.storefrontsession.client.LoginFailedException;
import dev.storefrontsession.client.LoginFailure;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginJwtCommandTest {

  private static final String SECRET = "cli-test-client-secret-0123456789abcdef";

  @Test
  void runWhenAllOptionsThenPrintsVerifiableJwtWithTheClaims() throws Exception {
    ToolRun run =
        ToolRun.run(
            "login-jwt",
            "--client-id",
            "cid",
            "--client-secret",
            SECRET,
            "--store-hash",
            "abc123",
            "--customer-id",
            "42",
            "--channel-id",
            "2",
            "--redirect-to",
            "/account/orders",
            "--request-ip",
            "203.0.113.4");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    SignedJWT jwt = SignedJWT.parse(run.out().strip());
    assertThat(jwt.verify(new MACVerifier(SECRET))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("cid");
    assertThat(claims.getClaim("operation")).isEqualTo("customer_login");
    assertThat(claims.getClaim("store_hash")).isEqualTo("abc123");
    assertThat(claims.getClaim("customer_id")).isEqualTo(42L);
    assertThat(claims.getClaim("channel_id")).isEqualTo(2L);
    assertThat(claims.getClaim("redirect_to")).isEqualTo("/account/orders");
    assertThat(claims.getClaim("request_ip")).isEqualTo("203.0.113.4");
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getIssueTime()).isNotNull();
    assertThat(run.out()).doesNotContain(SECRET);
  }

  @Test
  void runWhenImpersonatorIdThenLoginAsCustomerClaimAndBadValuesRefused() throws Exception {
    ToolRun run =
        ToolRun.run(
            "login-jwt",
            "--client-id",
            "cid",
            "--client-secret",
            SECRET,
            "--store-hash",
            "abc123",
            "--customer-id",
            "42",
            "--impersonator-id",
            "1");
    assertThat(run.exitCode()).isZero();
    assertThat(SignedJWT.parse(run.out().strip()).getJWTClaimsSet().getClaim("impersonator_id"))
        .isEqualTo(1L);

    ToolRun bad =
        ToolRun.run(
            "login-jwt",
            "--client-id",
            "cid",
            "--client-secret",
            SECRET,
            "--store-hash",
            "abc123",
            "--customer-id",
            "42",
            "--impersonator-id",
            "staff");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--impersonator-id");
  }

  @Test
  void runWhenSecretOnlyInEnvironmentThenUsed() throws Exception {
    ToolRun run =
        ToolRun.withEnvironment(
            "",
            Map.of(LoginJwtCommand.SECRET_VARIABLE, SECRET),
            "login-jwt",
            "--client-id",
            "cid",
            "--store-hash",
            "abc123",
            "--customer-id",
            "7");
    assertThat(run.exitCode()).isZero();
    SignedJWT jwt = SignedJWT.parse(run.out().strip());
    assertThat(jwt.verify(new MACVerifier(SECRET))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getClaims()).doesNotContainKeys("channel_id", "redirect_to");
  }

  @Test
  void runWhenRequiredOptionMissingThenExit2NamingIt() {
    ToolRun run =
        ToolRun.run(
            "login-jwt", "--client-id", "cid", "--client-secret", SECRET, "--store-hash", "abc");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--customer-id").doesNotContain(SECRET);
    assertThat(run.out()).isEmpty();
    assertThat(
            ToolRun.run(
                    "login-jwt", "--client-id", "cid", "--store-hash", "abc", "--customer-id", "1")
                .err())
        .contains("--client-secret");
  }

  @Test
  void runWhenBadValuesThenExit2WithReasonAndSecretNotEchoed() {
    ToolRun notNumber =
        ToolRun.run(
            "login-jwt",
            "--client-id",
            "cid",
            "--client-secret",
            SECRET,
            "--store-hash",
            "abc",
            "--customer-id",
            "x");
    assertThat(notNumber.exitCode()).isEqualTo(2);
    assertThat(notNumber.err())
        .contains("--customer-id must be a positive whole number")
        .doesNotContain(SECRET);
    ToolRun badRedirect =
        ToolRun.run(
            "login-jwt",
            "--client-id",
            "cid",
            "--client-secret",
            SECRET,
            "--store-hash",
            "abc",
            "--customer-id",
            "1",
            "--redirect-to",
            "https://evil.test/");
    assertThat(badRedirect.exitCode()).isEqualTo(2);
    assertThat(badRedirect.err()).contains("redirect_to").doesNotContain(SECRET);
    assertThat(
            ToolRun.run(
                    "login-jwt",
                    "--client-id",
                    "cid",
                    "--client-secret",
                    SECRET,
                    "--store-hash",
                    "abc",
                    "--customer-id",
                    "0")
                .exitCode())
        .isEqualTo(2);
  }

  @Test
  void runWhenJwtUsedOnTheSandboxThenItSignsTheCustomerInExactlyOnce() {
    try (SandboxServer sandbox =
        SandboxServer.start(
            SandboxSettings.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .inMemoryDatabase()
                .bcryptCost(4)
                .build())) {
      SandboxSettings s = sandbox.settings();
      StorefrontClient client =
          StorefrontClient.create(
              c ->
                  c.endpoint(sandbox.graphqlEndpoint())
                      .storefrontToken(s.storefrontToken())
                      .storeHash(s.storeHash())
                      .channelId(s.channelId()));
      long customerId =
          client
              .login("shopper@example.com", "Shopper-Pass-1", null, CustomerContext.guest())
              .customer()
              .entityId();

      ToolRun run =
          ToolRun.run(
              "login-jwt",
              "--client-id",
              s.clientId(),
              "--client-secret",
              s.clientSecret(),
              "--store-hash",
              s.storeHash(),
              "--customer-id",
              Long.toString(customerId),
              "--channel-id",
              Long.toString(s.channelId()),
              "--redirect-to",
              "/account/orders");
      assertThat(run.exitCode()).isZero();
      String jwt = run.out().strip();

      CustomerLogin login = client.loginWithCustomerLoginJwt(jwt, null, CustomerContext.guest());
      assertThat(login.customer().entityId()).isEqualTo(customerId);
      assertThat(login.customer().email()).isEqualTo("shopper@example.com");
      assertThat(login.redirectTo()).isEqualTo("/account/orders");

      assertThatThrownBy(() -> client.loginWithCustomerLoginJwt(jwt, null, CustomerContext.guest()))
          .isInstanceOfSatisfying(
              LoginFailedException.class,
              e -> assertThat(e.reason()).isEqualTo(LoginFailure.INVALID_LOGIN_TOKEN));
    }
  }
}
