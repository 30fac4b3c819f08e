package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionUserTest {

  @Test
  void customerAccessTokenWhenExpiryKeptBesideThenRoundTrips() {
    CustomerAccessToken cat = new CustomerAccessToken("cat", Instant.parse("2030-05-06T07:08:09Z"));
    SessionUser user = SessionUser.builder().customerAccessToken(cat).cartId(null).build();
    assertThat(user.customerAccessToken()).contains(cat);
    SessionClaims decoded =
        SessionClaims.fromJson(SessionClaims.builder().user(user).build().toJson());
    assertThat(decoded.user()).contains(user);
  }

  @Test
  void customerAccessTokenWhenCatalystCookieWithoutExpiryThenExpiryNull() {
    SessionUser user =
        SessionClaims.fromJson("{\"user\":{\"customerAccessToken\":\"cat\",\"cartId\":null}}")
            .user()
            .orElseThrow();
    assertThat(user.customerAccessToken())
        .hasValueSatisfying(cat -> assertThat(cat.expiresAt()).isNull());
  }

  @Test
  void toBuilderWhenTokenRemovedThenExpiryRemovedToo() {
    SessionUser user =
        SessionUser.builder()
            .customerAccessToken(new CustomerAccessToken("cat", Instant.EPOCH))
            .cartId("c")
            .build();
    SessionUser signedOut = user.toBuilder().customerAccessToken(null).build();
    assertThat(signedOut.customerAccessToken()).isEmpty();
    assertThat(SessionClaims.builder().user(signedOut).build().toJson())
        .isEqualTo("{\"user\":{\"cartId\":\"c\"}}");
  }

  @Test
  void cartIdWhenNullThenKeptAsJsonNullUnlessRemoved() {
    assertThat(SessionUser.anonymous(null).hasCartId()).isTrue();
    assertThat(SessionUser.anonymous(null).toBuilder().removeCartId().build().hasCartId())
        .isFalse();
  }

  @Test
  void extraWhenUnknownMembersThenRoundTrip() {
    SessionUser user =
        SessionClaims.fromJson("{\"user\":{\"cartId\":\"c\",\"role\":\"b2b\"}}")
            .user()
            .orElseThrow();
    assertThat(user.extra()).containsEntry("role", "b2b");
    assertThatThrownBy(() -> SessionUser.builder().extra("cartId", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringWhenTokenPresentThenRedacted() {
    SessionUser user =
        SessionUser.builder()
            .customerAccessToken(new CustomerAccessToken("cat-secret", null))
            .build();
    assertThat(user.toString()).doesNotContain("cat-secret").contains("<redacted>");
  }

  @Test
  void customerAccessTokenWhenNotAStringThenNotSignedInAndRawValueKept() {
    for (String cat : List.of("123", "[\"cat\"]", "{\"value\":\"cat\"}", "true", "null", "\"\"")) {
      String json = "{\"user\":{\"customerAccessToken\":" + cat + ",\"cartId\":\"c\"}}";
      SessionClaims claims = SessionClaims.fromJson(json);
      SessionUser user = claims.user().orElseThrow();
      assertThat(user.customerAccessToken()).as(cat).isEmpty();
      assertThat(user.cartId()).isEqualTo("c");
      assertThat(claims.isAnonymous()).isTrue();
      assertThat(claims.toJson()).isEqualTo(json);
    }
  }

  @Test
  void cartIdWhenNotAStringThenNoCartAndRawValueKeptUntilSet() {
    for (String cart : List.of("5", "{\"a\":1}", "true", "[\"c\"]")) {
      String json = "{\"customerAccessToken\":\"cat\",\"cartId\":" + cart + "}";
      SessionUser user = SessionClaims.fromJson("{\"user\":" + json + "}").user().orElseThrow();
      assertThat(user.cartId()).as(cart).isNull();
      assertThat(user.hasCartId()).isFalse();
      assertThat(user.customerAccessToken()).isPresent();
      assertThat(SessionClaims.builder().user(user).build().toJson())
          .isEqualTo("{\"user\":" + json + "}");
      assertThat(user.toBuilder().cartId("d").build().cartId()).isEqualTo("d");
    }
  }

  @Test
  void customerAccessTokenWhenExpiryUnreadableOrNotAStringThenExpiryUnknown() {
    for (String expiry : List.of("\"yesterday\"", "1700000000", "{}", "\"2030-13-01T00:00:00Z\"")) {
      String json =
          "{\"user\":{\"customerAccessToken\":\"cat\",\"customerAccessTokenExpiresAt\":"
              + expiry
              + "}}";
      SessionClaims claims = SessionClaims.fromJson(json);
      assertThat(claims.user().flatMap(SessionUser::customerAccessToken))
          .as(expiry)
          .contains(new CustomerAccessToken("cat", null));
      assertThat(claims.toJson()).isEqualTo(json);
    }
  }

  @Test
  void firstAndLastNameWhenNotStringsThenAbsent() {
    SessionUser user =
        SessionClaims.fromJson("{\"user\":{\"firstName\":1,\"lastName\":[\"x\"]}}")
            .user()
            .orElseThrow();
    assertThat(user.firstName()).isNull();
    assertThat(user.lastName()).isNull();
  }

  @Test
  void cartsOfWhenOtherHoldsRawOrNoCartsThenCopiedExactlyAndTheRestKept() {
    SessionUser numericCart =
        SessionClaims.fromJson("{\"user\":{\"cartId\":5,\"cartIds\":{\"2\":\"c2\"}}}")
            .user()
            .orElseThrow();
    SessionUser named = SessionUser.builder().firstName("Jane").cartId("stale").build();

    SessionUser copied = named.toBuilder().cartsOf(numericCart).build();
    SessionUser none = named.toBuilder().cartsOf(null).build();

    assertThat(SessionClaims.builder().user(copied).build().toJson())
        .isEqualTo("{\"user\":{\"firstName\":\"Jane\",\"cartId\":5,\"cartIds\":{\"2\":\"c2\"}}}");
    assertThat(none.hasCartId()).isFalse();
    assertThat(none.firstName()).isEqualTo("Jane");
  }
}
