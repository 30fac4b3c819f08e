package dev.storefrontsession.sandbox.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.storefrontsession.sandbox.internal.ApiException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks a Customer Login API JWT as BigCommerce does: HS256 only, signed with the API account's
 * client secret; {@code iss} = client id; {@code operation} = {@code customer_login}; {@code
 * store_hash} = this store; integer {@code customer_id}; {@code channel_id} (optional) = the
 * channel the login was sent to; {@code iat} within {@link #MAX_AGE} of now; {@code jti} present
 * and never seen before; {@code request_ip} (optional) = the shopper's IP. Must run inside the
 * login transaction (it records the {@code jti}). Thread-safe.
 */
public final class CustomerLoginJwtVerifier {

  /** How far {@code iat} may be from now, either way. */
  public static final Duration MAX_AGE = Duration.ofSeconds(30);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String clientId;
  private final String storeHash;
  private final MACVerifier verifier;

  public CustomerLoginJwtVerifier(
      JdbcClient jdbc, Clock clock, String clientId, String clientSecret, String storeHash) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.clientId = clientId;
    this.storeHash = storeHash;
    try {
      this.verifier = new MACVerifier(clientSecret.getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("client secret unusable as an HS256 key", e);
    }
  }

  /**
   * The verified login request.
   *
   * @param impersonatorId the staff member signing in as the customer ({@code impersonator_id}), or
   *     null
   */
  public record Verified(
      long customerId, String redirectTo, String requestIp, Long impersonatorId) {}

  /**
   * @throws ApiException naming the first rule the token breaks
   */
  public Verified verify(String token, String clientIp, long requestChannelId) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(Objects.requireNonNullElse(token, "").trim());
    } catch (ParseException e) {
      throw invalid("the token is not a signed JWT");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw invalid("algorithm " + jwt.getHeader().getAlgorithm() + " is not allowed, only HS256");
    }
    try {
      if (!jwt.verify(verifier)) {
        throw invalid("the signature is invalid");
      }
    } catch (JOSEException e) {
      throw invalid("the signature cannot be verified");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid("the claims are not valid JSON");
    }
    if (!clientId.equals(claims.getIssuer())) {
      throw invalid("iss does not match the API client id");
    }
    Object operation = claims.getClaim("operation");
    if (!"customer_login".equals(operation)) {
      throw invalid("operation must be customer_login");
    }
    if (!storeHash.equals(claims.getClaim("store_hash"))) {
      throw invalid("store_hash does not match this store");
    }
    long customerId = integerClaim(claims, "customer_id", true);
    Object channel = claims.getClaim("channel_id");
    if (channel != null && integerClaim(claims, "channel_id", false) != requestChannelId) {
      throw invalid("channel_id does not match the channel the login was sent to");
    }
    Date iat = claims.getIssueTime();
    if (iat == null) {
      throw invalid("iat is missing");
    }
    Instant now = clock.instant();
    Duration age = Duration.between(iat.toInstant(), now).abs();
    if (age.compareTo(MAX_AGE) > 0) {
      throw invalid("iat is more than " + MAX_AGE.toSeconds() + " seconds from the server time");
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank() || jti.length() > 255) {
      throw invalid("jti is missing");
    }
    Object redirect = claims.getClaim("redirect_to");
    if (redirect != null && !(redirect instanceof String)) {
      throw invalid("redirect_to must be a string");
    }
    Long impersonatorId = null;
    if (claims.getClaim("impersonator_id") != null) {
      impersonatorId = integerClaim(claims, "impersonator_id", true);
      Boolean allowed =
          jdbc.sql("SELECT can_login_as_customer FROM staff_users WHERE id = ?")
              .param(impersonatorId)
              .query(Boolean.class)
              .optional()
              .orElse(null);
      if (!Boolean.TRUE.equals(allowed)) {
        throw invalid("impersonator_id is not a staff member allowed to log in as customers");
      }
    }
    Object requestIp = claims.getClaim("request_ip");
    if (requestIp != null) {
      if (!(requestIp instanceof String ip) || clientIp == null || !ip.trim().equals(clientIp)) {
        throw invalid("request_ip does not match the client IP");
      }
    }
    try {
      int inserted =
          jdbc.sql("INSERT INTO customer_login_jwt_ids (jti, used_at) VALUES (?, ?)")
              .params(jti, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .update();
      if (inserted != 1) {
        throw invalid("jti has already been used");
      }
    } catch (DuplicateKeyException e) {
      throw invalid("jti has already been used");
    }
    return new Verified(customerId, (String) redirect, (String) requestIp, impersonatorId);
  }

  private static long integerClaim(JWTClaimsSet claims, String name, boolean required) {
    Object value = claims.getClaim(name);
    if (value == null && !required) {
      return 0;
    }
    if (value instanceof Number n
        && n.doubleValue() == Math.floor(n.doubleValue())
        && n.longValue() > 0) {
      return n.longValue();
    }
    throw invalid(name + " must be a positive integer");
  }

  private static ApiException invalid(String reason) {
    return new ApiException(
        "Invalid Customer Login JWT: " + reason + ".", "INVALID_CUSTOMER_LOGIN_JWT");
  }
}
