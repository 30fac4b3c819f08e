package dev.storefrontsession.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.storefrontsession.client.internal.HmacSha256Signer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A BigCommerce Customer Login API JWT: HS256 signed with the API account's client secret, claims
 * {@code iss} (client id), {@code iat}, {@code jti}, {@code operation=customer_login}, {@code
 * store_hash}, {@code customer_id}, optional {@code channel_id}, {@code redirect_to}, {@code
 * request_ip} and extra claims.
 *
 * <p>BigCommerce accepts one within 30 s of {@code iat}, once: make it right before use. {@link
 * #toString()} is redacted (the token is a bearer credential); the secret is never kept after
 * signing.
 */
public final class CustomerLoginJwt {

  public static final String OPERATION = "customer_login";
  private static final Set<String> RESERVED =
      Set.of(
          "iss",
          "iat",
          "jti",
          "operation",
          "store_hash",
          "customer_id",
          "channel_id",
          "redirect_to",
          "request_ip");

  private final String token;
  private final String jti;
  private final Instant issuedAt;
  private final long customerId;
  private final Long channelId;
  private final String redirectTo;

  private CustomerLoginJwt(
      String token,
      String jti,
      Instant issuedAt,
      long customerId,
      Long channelId,
      String redirectTo) {
    this.token = token;
    this.jti = jti;
    this.issuedAt = issuedAt;
    this.customerId = customerId;
    this.channelId = channelId;
    this.redirectTo = redirectTo;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The compact serialization to pass to {@code loginWithCustomerLoginJwt} or {@code
   * /login/token/{jwt}}.
   */
  public String token() {
    return token;
  }

  public String jti() {
    return jti;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public long customerId() {
    return customerId;
  }

  /** The {@code channel_id} claim, or null. */
  public Long channelId() {
    return channelId;
  }

  /** The {@code redirect_to} claim, or null. */
  public String redirectTo() {
    return redirectTo;
  }

  @Override
  public String toString() {
    return "CustomerLoginJwt[<redacted>, jti="
        + jti
        + ", customerId="
        + customerId
        + ", channelId="
        + channelId
        + "]";
  }

  /**
   * The claims a login needs from a JWT someone else made, read WITHOUT checking the signature
   * (BigCommerce checks it). Used to route the login to the JWT's channel and to learn its redirect
   * target.
   *
   * @throws IllegalArgumentException when {@code jwt} is not a signed JWT or a claim has the wrong
   *     type
   */
  public static UnverifiedClaims readUnverified(String jwt) {
    if (jwt == null || jwt.isBlank()) {
      throw new IllegalArgumentException("login token is empty");
    }
    try {
      JWTClaimsSet claims = SignedJWT.parse(jwt.trim()).getJWTClaimsSet();
      Long channelId = positiveInteger(claims.getClaim("channel_id"), "channel_id");
      Object redirect = claims.getClaim("redirect_to");
      Long impersonatorId = positiveInteger(claims.getClaim("impersonator_id"), "impersonator_id");
      return new UnverifiedClaims(
          channelId, redirect instanceof String s ? s : null, impersonatorId);
    } catch (ParseException e) {
      throw new IllegalArgumentException("login token is not a signed JWT", e);
    }
  }

  /** A positive integer claim (a JSON integer or a string of digits), null when absent. */
  private static Long positiveInteger(Object value, String name) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n
        && n.doubleValue() == Math.floor(n.doubleValue())
        && n.longValue() > 0) {
      return n.longValue();
    }
    if (value instanceof String s && s.matches("[1-9][0-9]{0,17}")) {
      return Long.parseLong(s);
    }
    throw new IllegalArgumentException("login token's " + name + " is not a positive integer");
  }

  /**
   * Claims read from a JWT without verification.
   *
   * @param channelId {@code channel_id}, or null
   * @param redirectTo {@code redirect_to}, or null
   * @param impersonatorId {@code impersonator_id}: the store staff member who signs in as the
   *     customer ("login as customer"), or null
   */
  public record UnverifiedClaims(Long channelId, String redirectTo, Long impersonatorId) {

    /** Without an impersonator. */
    public UnverifiedClaims(Long channelId, String redirectTo) {
      this(channelId, redirectTo, null);
    }
  }

  /** Not thread-safe. Required: client id, client secret, store hash, customer id. */
  public static final class Builder {
    private String clientId;
    private byte[] clientSecret;
    private String storeHash;
    private Long customerId;
    private Long channelId;
    private String redirectTo;
    private String requestIp;
    private String jti;
    private Clock clock = Clock.systemUTC();
    private final Map<String, Object> extraClaims = new LinkedHashMap<>();

    private Builder() {}

    public Builder clientId(String clientId) {
      this.clientId = requireText("client id", clientId);
      return this;
    }

    public Builder clientSecret(String clientSecret) {
      this.clientSecret =
          requireText("client secret", clientSecret).getBytes(StandardCharsets.UTF_8);
      return this;
    }

    public Builder storeHash(String storeHash) {
      this.storeHash = requireText("store hash", storeHash);
      return this;
    }

    public Builder customerId(long customerId) {
      if (customerId < 1) {
        throw new IllegalArgumentException(
            "customer id must be a positive integer, was " + customerId);
      }
      this.customerId = customerId;
      return this;
    }

    public Builder channelId(Long channelId) {
      if (channelId != null && channelId < 1) {
        throw new IllegalArgumentException(
            "channel id must be a positive integer, was " + channelId);
      }
      this.channelId = channelId;
      return this;
    }

    /** A relative path, e.g. {@code /account/orders}. */
    public Builder redirectTo(String redirectTo) {
      if (redirectTo != null && !(redirectTo.startsWith("/") && !redirectTo.startsWith("//"))) {
        throw new IllegalArgumentException(
            "redirect_to must be a relative path starting with '/', was '" + redirectTo + "'");
      }
      this.redirectTo = redirectTo;
      return this;
    }

    /** The shopper's IP; BigCommerce then checks that the sign-in comes from it. */
    public Builder requestIp(String requestIp) {
      this.requestIp = requestIp == null || requestIp.isBlank() ? null : requestIp.trim();
      return this;
    }

    /** Overrides the random UUID {@code jti} (tests). */
    public Builder jti(String jti) {
      this.jti = requireText("jti", jti);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * An additional claim (e.g. {@code impersonator_id}); the standard claims cannot be replaced
     * this way.
     */
    public Builder claim(String name, Object value) {
      requireText("claim name", name);
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("claim '" + name + "' is set by its own builder method");
      }
      extraClaims.put(name, value);
      return this;
    }

    /**
     * Signs the token.
     *
     * @throws IllegalStateException when a required part is missing
     */
    public CustomerLoginJwt build() {
      if (clientId == null || clientSecret == null || storeHash == null || customerId == null) {
        StringBuilder missing = new StringBuilder();
        if (clientId == null) missing.append(" client id,");
        if (clientSecret == null) missing.append(" client secret,");
        if (storeHash == null) missing.append(" store hash,");
        if (customerId == null) missing.append(" customer id,");
        throw new IllegalStateException(
            "Customer Login JWT needs" + missing.substring(0, missing.length() - 1));
      }
      Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
      String id = jti != null ? jti : UUID.randomUUID().toString();
      JWTClaimsSet.Builder claims =
          new JWTClaimsSet.Builder()
              .issuer(clientId)
              .issueTime(Date.from(now))
              .jwtID(id)
              .claim("operation", OPERATION)
              .claim("store_hash", storeHash)
              .claim("customer_id", customerId);
      if (channelId != null) {
        claims.claim("channel_id", channelId);
      }
      if (redirectTo != null) {
        claims.claim("redirect_to", redirectTo);
      }
      if (requestIp != null) {
        claims.claim("request_ip", requestIp);
      }
      extraClaims.forEach(claims::claim);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
              claims.build());
      try {
        jwt.sign(new HmacSha256Signer(clientSecret));
      } catch (JOSEException e) {
        throw new IllegalStateException(
            "could not sign the Customer Login JWT: " + e.getMessage(), e);
      }
      return new CustomerLoginJwt(jwt.serialize(), id, now, customerId, channelId, redirectTo);
    }

    private static String requireText(String what, String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " is required");
      }
      return value;
    }

    @Override
    public String toString() {
      return "CustomerLoginJwt.Builder[clientSecret=<redacted>]";
    }
  }
}
