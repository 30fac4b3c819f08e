package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.internal.JsonOutput;
import dev.storefrontsession.core.internal.JsonParser;
import dev.storefrontsession.core.testing.AuthJsNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Catalyst's per-channel cart layout ({@code user.cartIds} beside the legacy {@code user.cartId})
 * between the real {@code @auth/core} and session-core, both ways: cookies written by Auth.js are
 * read here with Catalyst's rules, and cookies written here are read by Auth.js with every claim
 * intact.
 */
class AuthJsChannelCartsInteropTest {

  static final long NOW = 1_760_000_000L;
  static final String SECRET = "channel-carts-interop-secret";
  static final String SESSION = CookieNames.sessionToken(true);
  static final String ANONYMOUS = CookieNames.anonymousSessionToken(true);
  static final SessionCodec CODEC =
      new SessionCodec(KeyRing.of(SECRET), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  static final String CUSTOMER =
      "{\"name\":\"Jane Shopper\",\"email\":\"jane@example.com\",\"sub\":\"42\",\"user\":{"
          + "\"customerAccessToken\":\"cat-0123456789\",\"cartId\":\"c2\",\"cartIds\":{\"1\":\"c1\",\"2\":\"c2\"},"
          + "\"firstName\":\"Jane\",\"lastName\":\"Shopper\"}}";
  static final String LEGACY_CUSTOMER =
      "{\"name\":\"Jane Shopper\",\"email\":\"jane@example.com\",\"sub\":\"42\","
          + "\"user\":{\"customerAccessToken\":\"cat-0123456789\",\"cartId\":\"legacy\",\"firstName\":\"Jane\","
          + "\"lastName\":\"Shopper\"}}";
  static final String GUEST =
      "{\"user\":{\"cartId\":\"g1\",\"cartIds\":{\"1\":\"g1\",\"7\":\"g7\"}}}";
  static final String LEGACY_GUEST = "{\"user\":{\"cartId\":\"legacy-guest\"}}";

  static Map<String, Object> request(String op, Object... keyValues) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", op);
    request.put("secret", SECRET);
    request.put("now", NOW);
    for (int i = 0; i < keyValues.length; i += 2) {
      request.put((String) keyValues[i], keyValues[i + 1]);
    }
    return request;
  }

  /** The claims without the three members every encode sets, as JSON. */
  static String withoutIatExpJti(Object claims) {
    Map<Object, Object> members = new LinkedHashMap<>((Map<?, ?>) claims);
    members.remove("iat");
    members.remove("exp");
    members.remove("jti");
    JsonOutput out = new JsonOutput(256);
    out.writeValue(members);
    return out.toUtf8String();
  }

  @Test
  void
      decodeWhenAuthJsWroteChannelCartsOrOnlyLegacyCartThenCatalystsRulesApplyAndEveryClaimIsIntact() {
    List<AuthJsNode.Result> made =
        AuthJsNode.run(
            List.of(
                request("encode", "claims", JsonParser.parse(CUSTOMER), "salt", SESSION),
                request("encode", "claims", JsonParser.parse(LEGACY_CUSTOMER), "salt", SESSION),
                request("encode", "claims", JsonParser.parse(GUEST), "salt", ANONYMOUS),
                request("encode", "claims", JsonParser.parse(LEGACY_GUEST), "salt", ANONYMOUS)));

    SessionClaims customer =
        CODEC.decode(made.get(0).string(), SESSION).decodedClaims().orElseThrow();
    SessionClaims legacyCustomer =
        CODEC.decode(made.get(1).string(), SESSION).decodedClaims().orElseThrow();
    SessionClaims guest =
        CODEC.decode(made.get(2).string(), ANONYMOUS).decodedClaims().orElseThrow();
    SessionClaims legacyGuest =
        CODEC.decode(made.get(3).string(), ANONYMOUS).decodedClaims().orElseThrow();

    assertThat(withoutIatExpJti(JsonParser.parse(customer.toJson()))).isEqualTo(CUSTOMER);
    assertThat(withoutIatExpJti(JsonParser.parse(legacyGuest.toJson()))).isEqualTo(LEGACY_GUEST);
    ChannelCarts carts = customer.user().orElseThrow().carts();
    assertThat(carts.forChannel("1").cartId()).isEqualTo("c1");
    assertThat(carts.forChannel("2").cartId()).isEqualTo("c2");
    assertThat(carts.forChannel("3").cartId()).isNull();
    assertThat(carts.forLogout("1")).isEqualTo("c1");
    ChannelCarts.Selection migrated = legacyCustomer.user().orElseThrow().carts().forChannel("2");
    assertThat(migrated)
        .isEqualTo(
            new ChannelCarts.Selection(
                "legacy", new ChannelCarts("legacy", Map.of("2", "legacy"))));
    assertThat(guest.user().orElseThrow().carts().afterLogin("7", "customer-cart"))
        .isEqualTo(new ChannelCarts("customer-cart", Map.of("1", "g1", "7", "customer-cart")));
    assertThat(legacyGuest.user().orElseThrow().carts().forChannel("1").cartId())
        .isEqualTo("legacy-guest");
  }

  @Test
  void encodeWhenCartsWrittenHereThenAuthJsReadsEveryClaimIntact() {
    SessionClaims legacy = SessionClaims.fromJson(LEGACY_CUSTOMER);
    SessionUser user = legacy.user().orElseThrow();
    ChannelCarts stored = user.carts().forChannel("2").toStore();
    SessionClaims migrated =
        legacy.toBuilder().user(user.toBuilder().carts(stored).build()).build();
    SessionClaims assigned =
        migrated.toBuilder()
            .user(
                migrated.user().orElseThrow().toBuilder()
                    .carts(stored.assign("10", "c10").assign("1", "c1"))
                    .build())
            .build();
    SessionClaims removed =
        assigned.toBuilder()
            .user(
                assigned.user().orElseThrow().toBuilder()
                    .carts(
                        assigned.user().orElseThrow().carts().remove("2").remove("1").remove("10"))
                    .build())
            .build();
    SessionClaims guestAfterLogout =
        SessionClaims.anonymous(null).toBuilder()
            .user(
                SessionUser.builder()
                    .carts(new ChannelCarts(null, null).assign("7", "kept"))
                    .build())
            .build();

    List<SessionClaims> written = List.of(migrated, assigned, removed, guestAfterLogout);
    List<String> salts = List.of(SESSION, SESSION, SESSION, ANONYMOUS);
    List<AuthJsNode.Result> read =
        AuthJsNode.run(
            List.of(
                request("decode", "token", CODEC.encode(written.get(0), SESSION), "salt", SESSION),
                request("decode", "token", CODEC.encode(written.get(1), SESSION), "salt", SESSION),
                request("decode", "token", CODEC.encode(written.get(2), SESSION), "salt", SESSION),
                request(
                    "decode",
                    "token",
                    CODEC.encode(written.get(3), ANONYMOUS),
                    "salt",
                    ANONYMOUS)));

    for (int i = 0; i < written.size(); i++) {
      assertThat(read.get(i).ok()).as(salts.get(i) + " " + i).isTrue();
      assertThat(withoutIatExpJti(read.get(i).value())).isEqualTo(written.get(i).toJson());
    }
    assertThat(written.get(1).toJson())
        .contains("\"cartId\":\"c1\",")
        .endsWith("\"cartIds\":{\"1\":\"c1\",\"2\":\"legacy\",\"10\":\"c10\"}}}");
    assertThat(written.get(2).toJson()).contains("\"cartId\":null,").endsWith("\"cartIds\":{}}}");
    assertThat(written.get(3).toJson())
        .isEqualTo("{\"user\":{\"cartId\":\"kept\",\"cartIds\":{\"7\":\"kept\"}}}");
  }
}
