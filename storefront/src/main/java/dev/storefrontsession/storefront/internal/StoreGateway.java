package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.CachePolicy;
import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.GraphQLRequest;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.spring.ShopperSessions;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The one place pages call the Storefront API. Every call carries the current shopper's customer
 * context, so a signed-in shopper's data is never cached (the client guarantees that for customer
 * contexts); guest catalog reads may use the guest cache. Thread-safe.
 */
@Component
public class StoreGateway {

  private final StorefrontClient client;
  private final ShopperSessions shoppers;

  public StoreGateway(StorefrontClient client, ShopperSessions shoppers) {
    this.client = client;
    this.shoppers = shoppers;
  }

  /**
   * A catalog read: cached for guests (TTL from the client, tagged), always fresh for signed-in
   * shoppers, whose customer-group prices and visibility differ.
   */
  public JsonNode catalogQuery(String document, Map<String, ?> variables, String... tags) {
    return execute(document, variables, CachePolicy.cached(tags), true);
  }

  /**
   * Header/footer data: as {@link #catalogQuery} but without asking the store to fail on an invalid
   * customer access token (Catalyst does the same so the header cannot cause sign-out loops).
   */
  public JsonNode layoutQuery(String document, Map<String, ?> variables) {
    return execute(document, variables, CachePolicy.cached("catalog"), false);
  }

  /** A read of the shopper's own data (cart, account): never cached. */
  public JsonNode privateQuery(String document, Map<String, ?> variables, String... tags) {
    return execute(document, variables, CachePolicy.noStore(tags), true);
  }

  /** A mutation: never cached. */
  public JsonNode mutation(String document, Map<String, ?> variables, String... tags) {
    return execute(document, variables, CachePolicy.noStore(tags), true);
  }

  /**
   * A mutation sent as a guest even when the shopper is signed in (no customer access token),
   * keeping the shopper's IP and locale: for calls the store answers the same for everyone, such as
   * requesting a password reset.
   */
  public JsonNode guestMutation(String document, Map<String, ?> variables, String... tags) {
    GraphQLRequest request =
        GraphQLRequest.builder(document)
            .variables(variables)
            .context(shoppers.customerContext().asGuest())
            .cache(CachePolicy.noStore(tags))
            .validateCustomerAccessToken(false)
            .build();
    return client.execute(request).data();
  }

  /** The context of the shopper of the current request. */
  public CustomerContext context() {
    return shoppers.customerContext();
  }

  private JsonNode execute(
      String document, Map<String, ?> variables, CachePolicy cache, boolean validateCat) {
    GraphQLRequest request =
        GraphQLRequest.builder(document)
            .variables(variables)
            .context(shoppers.customerContext())
            .cache(cache)
            .validateCustomerAccessToken(validateCat)
            .build();
    return client.execute(request).data();
  }
}
