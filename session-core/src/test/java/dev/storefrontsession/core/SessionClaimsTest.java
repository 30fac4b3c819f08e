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
    SessionClaims claims = SessionClaims.builder().name("Jane Shopper").email("jane@example.com").sub("42")
        .user(SessionUser.builder()
            .customerAccessToken(new CustomerAccessToken("cat", Instant.parse("2030-01-01T00:00:00Z")))
            .cartId("cart").firstName("Jane").lastName("Shopper").build())
        .build();
    assertThat(claims.toJson()).isEqualTo("{\"name\":\"Jane Shopper\",\"email\":\"jane@example.com\",\"sub\":\"42\","
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
    SessionClaims claims = SessionClaims.fromJson("{\"z\":null,\"name\":\"A\",\"a\":[1,{\"b\":2}],\"picture\":null}");
    assertThat(claims.extra()).containsEntry("z", null).containsEntry("a", List.of(1L, Map.of("b", 2L)))
        .doesNotContainKey("name");
    assertThat(claims.extra().keySet()).containsExactly("z", "a");
    assertThat(claims.picture()).isNull();
    assertThat(claims.toJson()).isEqualTo("{\"z\":null,\"name\":\"A\",\"a\":[1,{\"b\":2}],\"picture\":null}");
  }

  @Test
  void toBuilderWhenKnownClaimChangedThenPositionKeptAndNullRemoves() {
    SessionClaims claims = SessionClaims.fromJson("{\"x\":1,\"name\":\"A\",\"email\":\"e\"}");
    assertThat(claims.toBuilder().name("B").email(null).build().toJson()).isEqualTo("{\"x\":1,\"name\":\"B\"}");
  }

  @Test
  void fromJsonWhenKnownClaimHasWrongTypeThenRefusedWithoutEchoingContent() {
    assertThatThrownBy(() -> SessionClaims.fromJson("{\"email\":\"secret@x\",\"name\":7}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name").hasMessageNotContaining("secret");
    assertThatThrownBy(() -> SessionClaims.fromJson("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionClaims.fromJson("{\"exp\":\"soon\"}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void issuedAtAndExpiresAtWhenEpochSecondsThenInstants() {
    SessionClaims claims = SessionClaims.fromJson("{\"iat\":1700000000,\"exp\":1700000000.5}");
    assertThat(claims.issuedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
  }

  @Test
  void extraWhenKnownNameOrNonJsonValueThenRefused() {
    assertThatThrownBy(() -> SessionClaims.builder().extra("name", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionClaims.builder().extra("when", Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SessionClaims.builder().extra("n", 3).build().extra()).containsEntry("n", 3L);
  }

  @Test
  void toStringWhenCustomerThenNoCustomerAccessToken() {
    SessionClaims claims = SessionClaims.builder()
        .user(SessionUser.builder().customerAccessToken(new CustomerAccessToken("cat-secret", null)).build()).build();
    assertThat(claims.toString()).doesNotContain("cat-secret");
  }

  @Test
  void equalsWhenSameMembersThenEqual() {
    assertThat(SessionClaims.fromJson("{\"a\":1.0}")).isEqualTo(SessionClaims.builder().extra("a", 1).build());
  }
}
