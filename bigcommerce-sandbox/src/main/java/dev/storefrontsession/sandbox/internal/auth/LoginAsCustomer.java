package dev.storefrontsession.sandbox.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.storefrontsession.sandbox.SandboxSettings;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;

/**
 * The sandbox's "login as customer" (a control-panel action at BigCommerce): a Customer Login JWT
 * signed with the store's API client secret that names the staff member in {@code impersonator_id}.
 * Valid for {@link CustomerLoginJwtVerifier#MAX_AGE} and once, like every Customer Login JWT.
 * Stateless.
 */
public final class LoginAsCustomer {

  private LoginAsCustomer() {}

  /**
   * @param customerId the customer to sign in as
   * @param staffId the staff member ({@code staff_users.id}); the login is refused unless they may
   *     do this
   * @param redirectTo where the storefront goes after the sign-in, or null
   */
  public static String jwt(
      SandboxSettings settings, long customerId, long staffId, String redirectTo) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.clientId())
            .issueTime(Date.from(settings.clock().instant()))
            .jwtID(UUID.randomUUID().toString())
            .claim("operation", "customer_login")
            .claim("store_hash", settings.storeHash())
            .claim("customer_id", customerId)
            .claim("channel_id", settings.channelId())
            .claim("impersonator_id", staffId);
    if (redirectTo != null) {
      claims.claim("redirect_to", redirectTo);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
            claims.build());
    try {
      jwt.sign(new MACSigner(settings.clientSecret().getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(
          "the API client secret cannot sign an HS256 JWT (too short?)", e);
    }
    return jwt.serialize();
  }
}
