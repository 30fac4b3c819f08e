package dev.storefrontsession.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class CustomerLoginJwtTest {

  private static final String SECRET = "client-secret-with-at-least-32-bytes-0123";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00.789Z"), ZoneOffset.UTC);

  private static CustomerLoginJwt.Builder valid() {
    return CustomerLoginJwt.builder()
        .clientId("client-1")
        .clientSecret(SECRET)
        .storeHash("abc123")
        .customerId(42)
        .clock(CLOCK);
  }

  @Test
  void buildWhenRequiredPartsThenHs256WithBigCommerceClaims() throws Exception {
    CustomerLoginJwt jwt = valid().build();
    SignedJWT parsed = SignedJWT.parse(jwt.token());
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    assertThat(parsed.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(parsed.verify(new MACVerifier(SECRET))).isTrue();
    JWTClaimsSet claims = parsed.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("client-1");
    assertThat(claims.getIssueTime()).isEqualTo(Date.from(Instant.parse("2026-03-01T12:00:00Z")));
    assertThat(claims.getJWTID()).isEqualTo(jwt.jti()).hasSize(36);
    assertThat(claims.getClaim("operation")).isEqualTo("customer_login");
    assertThat(claims.getClaim("store_hash")).isEqualTo("abc123");
    assertThat(claims.getClaim("customer_id")).isEqualTo(42L);
    assertThat(claims.getClaims())
        .doesNotContainKeys("channel_id", "redirect_to", "request_ip", "exp");
  }

  @Test
  void buildWhenOptionalClaimsThenIncluded() throws Exception {
    CustomerLoginJwt jwt =
        valid()
            .channelId(2L)
            .redirectTo("/account/orders")
            .requestIp("203.0.113.9")
            .claim("impersonator_id", 7)
            .jti("fixed-jti")
            .build();
    JWTClaimsSet claims = SignedJWT.parse(jwt.token()).getJWTClaimsSet();
    assertThat(claims.getClaim("channel_id")).isEqualTo(2L);
    assertThat(claims.getClaim("redirect_to")).isEqualTo("/account/orders");
    assertThat(claims.getClaim("request_ip")).isEqualTo("203.0.113.9");
    assertThat(claims.getClaim("impersonator_id")).isEqualTo(7L);
    assertThat(claims.getJWTID()).isEqualTo("fixed-jti");
    assertThat(jwt.channelId()).isEqualTo(2L);
    assertThat(jwt.redirectTo()).isEqualTo("/account/orders");
  }

  @Test
  void buildWhenCalledTwiceThenDifferentJti() {
    assertThat(valid().build().jti()).isNotEqualTo(valid().build().jti());
  }

  @Test
  void buildWhenSignedWithOtherSecretThenDoesNotVerify() throws Exception {
    SignedJWT parsed = SignedJWT.parse(valid().build().token());
    assertThat(parsed.verify(new MACVerifier("another-secret-with-at-least-32-bytes!!"))).isFalse();
  }

  @Test
  void buildWhenRequiredPartMissingThenNamesIt() {
    assertThatThrownBy(() -> CustomerLoginJwt.builder().clientId("c").storeHash("s").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client secret")
        .hasMessageContaining("customer id");
  }

  @Test
  void builderWhenInvalidValuesThenRejected() {
    assertThatThrownBy(() -> valid().customerId(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().channelId(0L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().redirectTo("https://evil.test/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().redirectTo("//evil.test/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().clientSecret(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().claim("customer_id", 1)).hasMessageContaining("customer_id");
  }

  @Test
  void toStringWhenBuiltThenNeitherTokenNorSecret() {
    CustomerLoginJwt jwt = valid().build();
    assertThat(jwt.toString())
        .doesNotContain(jwt.token())
        .doesNotContain(SECRET)
        .contains("<redacted>");
    assertThat(valid().toString()).doesNotContain(SECRET);
  }

  @Test
  void readUnverifiedWhenChannelAndRedirectThenRead() {
    CustomerLoginJwt jwt = valid().channelId(3L).redirectTo("/cart").build();
    assertThat(CustomerLoginJwt.readUnverified(jwt.token()))
        .isEqualTo(new CustomerLoginJwt.UnverifiedClaims(3L, "/cart"));
    assertThat(CustomerLoginJwt.readUnverified(valid().build().token()))
        .isEqualTo(new CustomerLoginJwt.UnverifiedClaims(null, null));
  }

  @Test
  void readUnverifiedWhenImpersonatorIdThenReadAndMalformedOnesRejected() {
    assertThat(
            CustomerLoginJwt.readUnverified(valid().claim("impersonator_id", 7).build().token())
                .impersonatorId())
        .isEqualTo(7L);
    assertThat(
            CustomerLoginJwt.readUnverified(valid().claim("impersonator_id", "12").build().token())
                .impersonatorId())
        .isEqualTo(12L);
    for (Object bad : new Object[] {0, -3, 1.5, "7 or 1=1", true}) {
      String token = valid().claim("impersonator_id", bad).build().token();
      assertThatThrownBy(() -> CustomerLoginJwt.readUnverified(token))
          .as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("impersonator_id");
    }
  }

  @Test
  void readUnverifiedWhenNotAJwtOrBadChannelThenRejected() {
    assertThatThrownBy(() -> CustomerLoginJwt.readUnverified("not-a-jwt"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CustomerLoginJwt.readUnverified(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readUnverifiedWhenChannelIsNotAPositiveIntegerThenRejected() throws Exception {
    for (Object channel : new Object[] {"abc", 0, -1, 1.5}) {
      SignedJWT jwt =
          new SignedJWT(
              new com.nimbusds.jose.JWSHeader(JWSAlgorithm.HS256),
              new JWTClaimsSet.Builder().claim("channel_id", channel).build());
      jwt.sign(new com.nimbusds.jose.crypto.MACSigner(SECRET));
      assertThatThrownBy(() -> CustomerLoginJwt.readUnverified(jwt.serialize()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("channel_id");
    }
    SignedJWT numericString =
        new SignedJWT(
            new com.nimbusds.jose.JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder().claim("channel_id", "12").build());
    numericString.sign(new com.nimbusds.jose.crypto.MACSigner(SECRET));
    assertThat(CustomerLoginJwt.readUnverified(numericString.serialize()).channelId())
        .isEqualTo(12L);
  }
}
