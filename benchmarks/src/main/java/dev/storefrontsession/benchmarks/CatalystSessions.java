package dev.storefrontsession.benchmarks;

import dev.storefrontsession.core.CookieNames;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;

/**
 * The session the codec benchmark measures: a Catalyst customer session, about 375 bytes of claims
 * JSON.
 */
public final class CatalystSessions {

  /** The secret of the benchmark (the same in the Node script). */
  public static final String SECRET = "bench-secret-9f8e7d6c5b4a39281706f5e4d3c2b1a0";

  /** Salt = cookie name, as a production site over https uses. */
  public static final String COOKIE_NAME = CookieNames.sessionToken(true);

  private CatalystSessions() {}

  /**
   * Claims as Catalyst's jwt callback leaves them for a signed-in customer; with the codec's
   * iat/exp/jti the JSON is 375 bytes and the token 755 characters (the same as {@code
   * benchmarks/node/authjs-codec.mjs}).
   */
  public static SessionClaims customer() {
    return SessionClaims.builder()
        .name("Janine Shopper-Smithson")
        .email("jane.shopper-smithson@example-store.com")
        .sub("100042")
        .user(
            SessionUser.builder()
                .customerAccessToken(
                    new CustomerAccessToken(
                        "6f1c2e9a4b7d8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f", null))
                .cartId("a1b2c3d4-e5f6-4711-8899-aabbccddeeff")
                .firstName("Janine")
                .lastName("Shopper-Smithson")
                .build())
        .build();
  }
}
