package dev.storefrontsession.sandbox.internal.auth;

import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.store.Catalog;

/**
 * Who is asking: a guest or the customer selected by a valid customer access token, and the client
 * IP used for throttling and {@code request_ip} checks. One per GraphQL request, in the GraphQL
 * context under {@link #KEY}.
 *
 * @param customerId the customer, or null for a guest
 * @param customerGroupId the customer's group (prices); {@link Catalog#DEFAULT_CUSTOMER_GROUP} for
 *     guests
 * @param clientIp the shopper's IP: a trusted proxy's {@code True-Client-IP}, else the socket peer
 * @param accessTokenHash the SHA-256 (hex) of the customer access token that selected the customer,
 *     or null for a guest; lets a mutation act on "this device's" token without holding the token
 *     itself
 * @param impersonatorId the staff member whose "login as customer" issued the token, or null
 * @param channelId the channel the request was sent to (its host name or path), which scopes carts
 *     and logins
 */
public record Requester(
    Long customerId,
    int customerGroupId,
    String clientIp,
    String accessTokenHash,
    Long impersonatorId,
    long channelId) {

  /** Not issued for an impersonation; on the default channel. */
  public Requester(Long customerId, int customerGroupId, String clientIp, String accessTokenHash) {
    this(customerId, customerGroupId, clientIp, accessTokenHash, null);
  }

  /** On the default channel; {@link #onChannel} moves it. */
  public Requester(
      Long customerId,
      int customerGroupId,
      String clientIp,
      String accessTokenHash,
      Long impersonatorId) {
    this(
        customerId,
        customerGroupId,
        clientIp,
        accessTokenHash,
        impersonatorId,
        SandboxSettings.DEFAULT_CHANNEL_ID);
  }

  public static final String KEY = "sandbox.requester";

  /** The same requester on channel {@code id}. */
  public Requester onChannel(long id) {
    return new Requester(
        customerId, customerGroupId, clientIp, accessTokenHash, impersonatorId, id);
  }

  public static Requester guest(String clientIp) {
    return new Requester(null, Catalog.DEFAULT_CUSTOMER_GROUP, clientIp, null);
  }

  public boolean isGuest() {
    return customerId == null;
  }
}
