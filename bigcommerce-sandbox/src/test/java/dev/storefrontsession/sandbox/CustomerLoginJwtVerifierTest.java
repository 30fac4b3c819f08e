package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.storefrontsession.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code loginWithCustomerLoginJwt}: every rule of the Customer Login API JWT, positive and
 * negative.
 */
class CustomerLoginJwtVerifierTest {

  static final MutableClock CLOCK = MutableClock.startingNow();
  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    server = Fixture.start(b -> b.clock(CLOCK).trustedProxySecret(Fixture.PROXY_SECRET));
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JWTClaimsSet.Builder claims() {
    SandboxSettings s = server.settings();
    return new JWTClaimsSet.Builder()
        .issuer(s.clientId())
        .issueTime(Date.from(CLOCK.instant()))
        .jwtID(UUID.randomUUID().toString())
        .claim("operation", "customer_login")
        .claim("store_hash", s.storeHash())
        .claim("customer_id", 2)
        .claim("channel_id", 1);
  }

  private static String sign(JWTClaimsSet claims, JWSAlgorithm alg, String secret) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(alg).type(com.nimbusds.jose.JOSEObjectType.JWT).build(),
              claims);
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jwt(Consumer<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder b = claims();
    change.accept(b);
    return sign(b.build(), JWSAlgorithm.HS256, server.settings().clientSecret());
  }

  private static SandboxHttp.Response send(String jwt) {
    return http.request(Documents.LOGIN_WITH_JWT)
        .variable("jwt", jwt)
        .validateToken()
        .header("True-Client-IP", "203.0.113.7")
        .header("X-BC-Trusted-Proxy-Secret", Fixture.PROXY_SECRET)
        .send();
  }

  private static void assertRejected(String jwt, String reasonFragment) {
    SandboxHttp.Response r = send(jwt);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("data").isNull()).as(r.body().toString()).isTrue();
    assertThat(r.firstErrorMessage())
        .startsWith("Invalid Customer Login JWT")
        .contains(reasonFragment);
    assertThat(r.at("/errors/0/path/0").asString()).isEqualTo("loginWithCustomerLoginJwt");
  }

  @Test
  void loginWhenJwtValidThenTokenCustomerAndRedirect() {
    SandboxHttp.Response r = send(jwt(b -> b.claim("redirect_to", "/account/orders")));
    assertThat(r.at("/data/loginWithCustomerLoginJwt/customer/email").asString())
        .isEqualTo(Fixture.WHOLESALE);
    assertThat(r.at("/data/loginWithCustomerLoginJwt/redirectTo").asString())
        .isEqualTo("/account/orders");
    String cat = r.at("/data/loginWithCustomerLoginJwt/customerAccessToken/value").asString();
    assertThat(cat).matches("[0-9a-f]{64}_[0-9]+");
    assertThat(
            http.request(Documents.CUSTOMER)
                .customer(cat)
                .validateToken()
                .send()
                .at("/data/customer/entityId")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void loginWhenNoRedirectAndNoChannelThenDefaultRedirectAndAccepted() {
    SandboxHttp.Response r = send(jwt(b -> b.claim("channel_id", null)));
    assertThat(r.at("/data/loginWithCustomerLoginJwt/redirectTo").asString())
        .isEqualTo("/account.php");
  }

  @Test
  void loginAsCustomerWhenIssuedBySandboxForTheStoreOwnerThenAcceptedOnce() {
    String token = server.loginAsCustomerJwt(2, 1, "/account/orders");

    SandboxHttp.Response r = send(token);

    assertThat(r.at("/data/loginWithCustomerLoginJwt/customer/entityId").asInt()).isEqualTo(2);
    assertThat(r.at("/data/loginWithCustomerLoginJwt/redirectTo").asString())
        .isEqualTo("/account/orders");
    assertThat(r.at("/data/loginWithCustomerLoginJwt/customerAccessToken/value").asString())
        .isNotBlank();
    assertRejected(token, "jti has already been used");
  }

  @Test
  void loginAsCustomerTokenWhenChangingPasswordOrEmailThenRefusedButOtherFieldsChange() {
    String cat =
        send(server.loginAsCustomerJwt(2, 1, null))
            .at("/data/loginWithCustomerLoginJwt/customerAccessToken/value")
            .asString();

    SandboxHttp.Response password =
        http.request(Documents.CHANGE_PASSWORD)
            .customer(cat)
            .variable(
                "input",
                java.util.Map.of(
                    "currentPassword", "Wholesale-Pass-1", "newPassword", "Taken-Over-9"))
            .send();
    SandboxHttp.Response email =
        http.request(Documents.UPDATE_CUSTOMER)
            .customer(cat)
            .variable("input", java.util.Map.of("email", "taken-over@example.com"))
            .send();
    SandboxHttp.Response phone =
        http.request(Documents.UPDATE_CUSTOMER)
            .customer(cat)
            .variable("input", java.util.Map.of("phone", "555-0299"))
            .send();

    assertThat(password.at("/data/customer/changePassword/errors/0/message").asString())
        .contains("login as customer");
    assertThat(email.at("/data/customer/updateCustomer/errors/0/message").asString())
        .contains("login as customer");
    assertThat(phone.at("/data/customer/updateCustomer/customer/phone").asString())
        .isEqualTo("555-0299");
    assertThat(phone.at("/data/customer/updateCustomer/customer/email").asString())
        .isEqualTo(Fixture.WHOLESALE);
  }

  @Test
  void loginAsCustomerWhenStaffMayNotOrIsUnknownThenRefused() {
    assertRejected(
        server.loginAsCustomerJwt(2, 2, null), "impersonator_id is not a staff member allowed");
    assertRejected(
        jwt(b -> b.claim("impersonator_id", 99)), "impersonator_id is not a staff member allowed");
  }

  @Test
  void loginAsCustomerWhenImpersonatorIdNotAPositiveIntegerThenRefused() {
    assertRejected(
        jwt(b -> b.claim("impersonator_id", "1; DROP")),
        "impersonator_id must be a positive integer");
    assertRejected(
        jwt(b -> b.claim("impersonator_id", 1.5)), "impersonator_id must be a positive integer");
    assertRejected(
        jwt(b -> b.claim("impersonator_id", -1)), "impersonator_id must be a positive integer");
  }

  @Test
  void loginWhenJtiReusedThenReplayRefused() {
    String token = jwt(b -> {});
    assertThat(send(token).body().has("errors")).isFalse();
    assertRejected(token, "jti has already been used");
  }

  @Test
  void loginWhenJtiMissingThenRefused() {
    assertRejected(jwt(b -> b.jwtID(null)), "jti is missing");
  }

  @Test
  void loginWhenSignedWithAnotherSecretThenRefused() {
    String token =
        sign(claims().build(), JWSAlgorithm.HS256, "another-secret-another-secret-another-secret!");
    assertRejected(token, "signature is invalid");
  }

  @Test
  void loginWhenAlgorithmNoneThenRefused() {
    assertRejected(new PlainJWT(claims().build()).serialize(), "not a signed JWT");
  }

  @Test
  void loginWhenHs512WithTheRightSecretThenRefused() {
    String secret = server.settings().clientSecret() + server.settings().clientSecret();
    assertRejected(sign(claims().build(), JWSAlgorithm.HS512, secret), "only HS256");
  }

  @Test
  void loginWhenRs256ThenRefused() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims().build());
    jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
    assertRejected(jwt.serialize(), "only HS256");
  }

  @Test
  void loginWhenSignatureStrippedThenRefused() {
    String token = jwt(b -> {});
    assertRejected(token.substring(0, token.lastIndexOf('.') + 1), "not a signed JWT");
  }

  @Test
  void loginWhenPayloadChangedAfterSigningThenRefused() {
    String token = jwt(b -> {});
    String[] parts = token.split("\\.");
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                claims()
                    .claim("customer_id", 1)
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
    assertRejected(parts[0] + "." + forged + "." + parts[2], "signature is invalid");
  }

  @Test
  void loginWhenGarbageThenRefused() {
    assertRejected("not.a.jwt", "not a signed JWT");
  }

  @Test
  void loginWhenIssuerWrongThenRefused() {
    assertRejected(jwt(b -> b.issuer("someone-else")), "iss");
  }

  @Test
  void loginWhenOperationWrongThenRefused() {
    assertRejected(jwt(b -> b.claim("operation", "session_sync")), "operation");
  }

  @Test
  void loginWhenStoreHashWrongThenRefused() {
    assertRejected(jwt(b -> b.claim("store_hash", "abc123")), "store_hash");
  }

  @Test
  void loginWhenChannelWrongThenRefused() {
    assertRejected(jwt(b -> b.claim("channel_id", 2)), "channel_id");
  }

  @Test
  void loginWhenCustomerIdNotIntegerThenRefused() {
    assertRejected(jwt(b -> b.claim("customer_id", "2")), "customer_id");
  }

  @Test
  void loginWhenCustomerUnknownThenRefused() {
    assertRejected(jwt(b -> b.claim("customer_id", 987654)), "does not exist");
  }

  @Test
  void loginWhenIssuedMoreThan30SecondsAgoThenRefused() {
    Instant old = CLOCK.instant().minus(Duration.ofSeconds(31));
    assertRejected(jwt(b -> b.issueTime(Date.from(old))), "iat");
  }

  @Test
  void loginWhenIssued29SecondsAgoThenAccepted() {
    Instant recent = CLOCK.instant().minus(Duration.ofSeconds(29));
    assertThat(send(jwt(b -> b.issueTime(Date.from(recent)))).body().has("errors")).isFalse();
  }

  @Test
  void loginWhenIssuedInTheFutureBeyond30SecondsThenRefused() {
    Instant future = CLOCK.instant().plus(Duration.ofSeconds(45));
    assertRejected(jwt(b -> b.issueTime(Date.from(future))), "iat");
  }

  @Test
  void loginWhenIatMissingThenRefused() {
    assertRejected(jwt(b -> b.issueTime(null)), "iat is missing");
  }

  @Test
  void loginWhenServerClockMovesPastTheWindowThenTheSameFreshTokenIsRefused() {
    String token = jwt(b -> {});
    CLOCK.advance(Duration.ofSeconds(40));
    try {
      assertRejected(token, "iat");
    } finally {
      CLOCK.advance(Duration.ofSeconds(-40));
    }
  }

  @Test
  void loginWhenRequestIpMatchesThenAccepted() {
    assertThat(send(jwt(b -> b.claim("request_ip", "203.0.113.7"))).body().has("errors")).isFalse();
  }

  @Test
  void loginWhenRequestIpDiffersThenRefused() {
    assertRejected(jwt(b -> b.claim("request_ip", "198.51.100.1")), "request_ip");
  }
}
