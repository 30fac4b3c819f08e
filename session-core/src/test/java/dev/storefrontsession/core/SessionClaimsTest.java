package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionClaimsTest {

  @Test
  void builderWhenCatalystCustomerThenJsonInCatalystLayout() {
    SessionClaims claims =
        SessionClaims.builder()
            .name("Jane Shopper")
            .email("jane@example.com")
            .sub("42")
            .user(
                SessionUser.builder()
                    .customerAccessToken(
                        new CustomerAccessToken("cat", Instant.parse("2030-01-01T00:00:00Z")))
                    .cartId("cart")
                    .firstName("Jane")
                    .lastName("Shopper")
                    .build())
            .build();
    assertThat(claims.toJson())
        .isEqualTo(
            "{\"name\":\"Jane Shopper\",\"email\":\"jane@example.com\",\"sub\":\"42\","
                + "\"user\":{\"customerAccessToken\":\"cat\",\"customerAccessTokenExpiresAt\":\"2030-01-01T00:00:00Z\","
                + "\"cartId\":\"cart\",\"firstName\":\"Jane\",\"lastName\":\"Shopper\"}}");
    assertThat(claims.isAnonymous()).isFalse();
  }

  @Test
  void anonymousWhenCartOrNoCartThenOnlyUserCartId() {
    assertThat(SessionClaims.anonymous("c1").toJson()).isEqualTo("{\"user\":{\"cartId\":\"c1\"}}");
    assertThat(SessionClaims.anonymous(null).toJson()).isEqualTo("{\"user\":{\"cartId\":null}}");
    assertThat(SessionClaims.anonymous(null).isAnonymous()).isTrue();
  }

  @Test
  void fromJsonWhenUnknownClaimsThenKeptInOrderIncludingNull() {
    SessionClaims claims =
        SessionClaims.fromJson("{\"z\":null,\"name\":\"A\",\"a\":[1,{\"b\":2}],\"picture\":null}");
    assertThat(claims.extra())
        .containsEntry("z", null)
        .containsEntry("a", List.of(1L, Map.of("b", 2L)))
        .doesNotContainKey("name");
    assertThat(claims.extra().keySet()).containsExactly("z", "a");
    assertThat(claims.picture()).isNull();
    assertThat(claims.toJson())
        .isEqualTo("{\"z\":null,\"name\":\"A\",\"a\":[1,{\"b\":2}],\"picture\":null}");
  }

  @Test
  void toBuilderWhenKnownClaimChangedThenPositionKeptAndNullRemoves() {
    SessionClaims claims = SessionClaims.fromJson("{\"x\":1,\"name\":\"A\",\"email\":\"e\"}");
    assertThat(claims.toBuilder().name("B").email(null).build().toJson())
        .isEqualTo("{\"x\":1,\"name\":\"B\"}");
  }

  @Test
  void fromJsonWhenNotAnObjectThenRefusedWithoutEchoingContent() {
    assertThatThrownBy(() -> SessionClaims.fromJson("[\"secret@x\"]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> SessionClaims.fromJson("\"x\""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typedAccessWhenKnownClaimsHaveOtherJsonTypesThenAbsentAndRawValuesRoundTrip() {
    String json =
        "{\"name\":7,\"email\":false,\"picture\":[],\"sub\":42,\"user\":\"x\",\"iat\":\"a\","
            + "\"exp\":null,\"jti\":1.5}";
    SessionClaims claims = SessionClaims.fromJson(json);
    assertThat(claims.name()).isNull();
    assertThat(claims.email()).isNull();
    assertThat(claims.picture()).isNull();
    assertThat(claims.sub()).isNull();
    assertThat(claims.user()).isEmpty();
    assertThat(claims.issuedAt()).isNull();
    assertThat(claims.expiresAt()).isNull();
    assertThat(claims.jti()).isNull();
    assertThat(claims.isAnonymous()).isTrue();
    assertThat(claims.toJson()).isEqualTo(json);
    assertThat(claims.toBuilder().email("e").build().toJson())
        .isEqualTo(json.replace("false", "\"e\""));
  }

  @Test
  void typedAccessWhenUserIsAnArrayThenNoUserAndSettingOneReplacesIt() {
    SessionClaims claims = SessionClaims.fromJson("{\"user\":[{\"cartId\":\"c\"}],\"sub\":\"s\"}");
    assertThat(claims.user()).isEmpty();
    assertThat(claims.sub()).isEqualTo("s");
    assertThat(claims.toBuilder().user(SessionUser.anonymous("d")).build().toJson())
        .isEqualTo("{\"user\":{\"cartId\":\"d\"},\"sub\":\"s\"}");
  }

  @Test
  void issuedAtAndExpiresAtWhenBeyondInstantRangeThenClampedNeverThrown() {
    SessionClaims claims = SessionClaims.fromJson("{\"iat\":1e300,\"exp\":-1e400}");
    assertThat(claims.issuedAt()).isEqualTo(Instant.MAX);
    assertThat(claims.expiresAt()).isEqualTo(Instant.MIN);
    assertThat(SessionClaims.fromJson("{\"exp\":100000000000000000}").expiresAt())
        .isEqualTo(Instant.MAX);
    assertThat(SessionClaims.fromJson("{\"exp\":-100000000000000000}").expiresAt())
        .isEqualTo(Instant.MIN);
    assertThat(SessionClaims.fromJson("{\"exp\":-1.5}").expiresAt())
        .isEqualTo(Instant.ofEpochSecond(-2, 500_000_000));
  }

  @Test
  void toJsonWhenNumbersBeyondDoubleRangeThenNullAsJsonStringify() {
    assertThat(SessionClaims.fromJson("{\"x\":1e400,\"y\":[-1e400]}").toJson())
        .isEqualTo("{\"x\":null,\"y\":[null]}");
  }

  @Test
  void issuedAtAndExpiresAtWhenEpochSecondsThenInstants() {
    SessionClaims claims = SessionClaims.fromJson("{\"iat\":1700000000,\"exp\":1700000000.5}");
    assertThat(claims.issuedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
  }

  @Test
  void extraWhenKnownNameOrNonJsonValueThenRefused() {
    assertThatThrownBy(() -> SessionClaims.builder().extra("name", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionClaims.builder().extra("when", Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SessionClaims.builder().extra("n", 3).build().extra()).containsEntry("n", 3L);
  }

  @Test
  void toStringWhenCustomerThenNoCustomerAccessToken() {
    SessionClaims claims =
        SessionClaims.builder()
            .user(
                SessionUser.builder()
                    .customerAccessToken(new CustomerAccessToken("cat-secret", null))
                    .build())
            .build();
    assertThat(claims.toString()).doesNotContain("cat-secret");
  }

  @Test
  void equalsWhenSameMembersThenEqual() {
    assertThat(SessionClaims.fromJson("{\"a\":1.0}"))
        .isEqualTo(SessionClaims.builder().extra("a", 1).build());
  }
}
