package dev.storefrontsession.systemtests;

import dev.storefrontsession.core.CookieNames;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SessionUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Secrets, claims and valid seed tokens shared by the hostile-input tests. */
final class SessionFixtures {

  static final String NEW_SECRET = "system-tests-new-secret-" + UUID.randomUUID();
  static final String OLD_SECRET = "system-tests-old-secret-" + UUID.randomUUID();
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String PLAIN = CookieNames.sessionToken(false);
  static final String SECURE = CookieNames.sessionToken(true);
  static final String ANONYMOUS = CookieNames.anonymousSessionToken(false);
  static final List<String> NAMES =
      List.of(PLAIN, SECURE, ANONYMOUS, CookieNames.anonymousSessionToken(true));

  private SessionFixtures() {}

  /** The codec under test: the new secret encodes, both decode. */
  static SessionCodec ringCodec() {
    return new SessionCodec(KeyRing.of(NEW_SECRET, OLD_SECRET), CLOCK);
  }

  static SessionClaims customer(String cat, String cartId) {
    return SessionClaims.builder()
        .name("Rita Retail")
        .email("rita@example.com")
        .sub("42")
        .user(
            SessionUser.builder()
                .customerAccessToken(
                    new CustomerAccessToken(cat, Instant.parse("2099-01-01T00:00:00Z")))
                .cartId(cartId)
                .firstName("Rita")
                .lastName("Retail")
                .build())
        // its made-up token counts as just confirmed by the store (as at sign-in): no revalidation
        // asks about it
        .customerAccessTokenCheckedAt(Instant.now())
        .build();
  }

  static SessionClaims big() {
    return customer(cat(), UUID.randomUUID().toString()).toBuilder()
        .extra("padding", "p".repeat(12_000))
        .build();
  }

  static String cat() {
    return "a".repeat(40)
        + UUID.randomUUID().toString().replace("-", "").substring(0, 24)
        + "_1764158400";
  }

  /**
   * Valid tokens under every cookie name, from both secrets, one of each kind per name; some
   * chunk-sized.
   */
  static List<HostileCookies.Seed> seeds() {
    return seeds(CLOCK);
  }

  static List<HostileCookies.Seed> seeds(Clock clock) {
    List<HostileCookies.Seed> seeds = new ArrayList<>();
    for (String secret : List.of(NEW_SECRET, OLD_SECRET)) {
      SessionCodec codec = new SessionCodec(KeyRing.of(secret), clock);
      for (String name : NAMES) {
        seeds.add(
            new HostileCookies.Seed(
                name, codec.encode(customer(cat(), UUID.randomUUID().toString()), name)));
        seeds.add(
            new HostileCookies.Seed(
                name, codec.encode(SessionClaims.anonymous(UUID.randomUUID().toString()), name)));
        seeds.add(new HostileCookies.Seed(name, codec.encode(big(), name)));
      }
    }
    return seeds;
  }

  /** Tokens with a valid MAC, expired beyond the 15 s leeway. */
  static List<HostileCookies.Seed> expired() {
    return expired(NOW);
  }

  static List<HostileCookies.Seed> expired(Instant now) {
    List<HostileCookies.Seed> out = new ArrayList<>();
    SessionCodec past =
        new SessionCodec(
            KeyRing.of(NEW_SECRET), Clock.fixed(now.minus(Duration.ofHours(2)), ZoneOffset.UTC));
    SessionCodec justPast =
        new SessionCodec(
            KeyRing.of(OLD_SECRET),
            Clock.fixed(now.minus(Duration.ofSeconds(3600 + 16)), ZoneOffset.UTC));
    for (String name : NAMES) {
      out.add(
          new HostileCookies.Seed(
              name, past.encode(customer(cat(), "c1"), name, Duration.ofHours(1))));
      out.add(
          new HostileCookies.Seed(
              name, justPast.encode(customer(cat(), "c2"), name, Duration.ofHours(1))));
    }
    return out;
  }

  /**
   * Protected headers (base64url) that must never be accepted with a body made for the real header.
   */
  static List<String> hostileHeaders() {
    String kid = AuthJsKeys.kid(AuthJsKeys.derive(NEW_SECRET, PLAIN, 64));
    String oldKid = AuthJsKeys.kid(AuthJsKeys.derive(OLD_SECRET, PLAIN, 64));
    String[] json = {
      "{\"alg\":\"none\"}",
      "{\"alg\":\"none\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + kid + "\"}",
      "{\"alg\":\"dir\",\"enc\":\"A128CBC-HS256\",\"kid\":\"" + kid + "\"}",
      "{\"alg\":\"dir\",\"enc\":\"A192CBC-HS384\",\"kid\":\"" + kid + "\"}",
      "{\"alg\":\"dir\",\"enc\":\"A128GCM\",\"kid\":\"" + kid + "\"}",
      "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\"}",
      "{\"alg\":\"RSA-OAEP\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + kid + "\"}",
      "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}",
      "{\"alg\":\"A256KW\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + kid + "\"}",
      "{\"alg\":\"PBES2-HS512+A256KW\",\"enc\":\"A256CBC-HS512\",\"p2c\":2000000000,\"p2s\":\"AAAA\"}",
      "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
      "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\"}",
      "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + oldKid + "\"}",
      "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + kid + "\",\"zip\":\"DEF\"}",
      "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\""
          + kid
          + "\",\"crit\":[\"exp\"],\"exp\":1}",
      "{\"alg\":\"DIR\",\"enc\":\"a256cbc-hs512\",\"kid\":\"" + kid + "\"}",
      "{\"alg\": \"dir\", \"enc\": \"A256CBC-HS512\", \"kid\": \"" + kid + "\"}",
      "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + kid + "\",\"alg\":\"none\"}",
      "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\""
          + kid
          + "\",\"jku\":\"https://evil.example/k\"}",
      "{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\""
          + kid
          + "\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}",
      "[]",
      "null",
      "{",
      "\"dir\"",
      "{\"alg\":[\"dir\"],\"enc\":{\"v\":1}}",
    };
    List<String> out = new ArrayList<>();
    for (String h : json) {
      out.add(
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(h.getBytes(StandardCharsets.UTF_8)));
    }
    out.add("");
    out.add("!!!");
    return out;
  }
}
