package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.GraphQLResponse;
import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.client.StorefrontException;
import dev.storefrontsession.core.CustomerAccessToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SessionRevalidator} with the cheapest customer query there is, {@code customer { entityId
 * }}, sent with the token (never cached). BigCommerce answers {@code INVALID_CUSTOMER_ACCESS_TOKEN}
 * for an expired or revoked one. Thread-safe.
 */
public final class StoreSessionRevalidator implements SessionRevalidator {

  /**
   * The check's GraphQL document (BigCommerce's {@code Query.customer}, {@code Customer.entityId}).
   */
  static final String DOCUMENT = "query SessionCheckQuery { customer { entityId } }";

  private static final Logger log = LoggerFactory.getLogger(StoreSessionRevalidator.class);

  private final StorefrontClient client;
  private final RequestOrigins origins;

  public StoreSessionRevalidator(StorefrontClient client, RequestOrigins origins) {
    this.client = client;
    this.origins = origins;
  }

  @Override
  public Outcome check(CustomerAccessToken token, HttpServletRequest request) {
    CustomerContext context =
        DefaultShopperSessions.withRequest(
            CustomerContext.customer(ClientTokens.toClient(token)), request, origins);
    try {
      GraphQLResponse response = client.execute(DOCUMENT, Map.of(), context);
      boolean known = response.data().path("customer").path("entityId").isNumber();
      return known ? Outcome.VALID : Outcome.INVALID;
    } catch (StorefrontAuthException e) {
      log.debug("The store no longer accepts the session's customer access token ({})", e.code());
      return Outcome.INVALID;
    } catch (StorefrontException e) {
      log.warn(
          "The session's customer access token could not be checked ({}); checking again on the next request",
          e.getClass().getSimpleName());
      return Outcome.UNKNOWN;
    }
  }
}
