package dev.storefrontsession.sandbox.internal.schema;

import dev.storefrontsession.sandbox.internal.store.AddressRecord;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import dev.storefrontsession.sandbox.internal.store.WishlistRecord;
import java.time.Instant;
import java.util.List;

/** Mutation payloads; field names are the GraphQL field names. */
public final class Results {
  private Results() {}

  /** GraphQL {@code CustomerAccessToken}; {@link #toString()} hides the value. */
  public record CustomerAccessToken(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "CustomerAccessToken[value=<redacted>, expiresAt=" + expiresAt + "]";
    }
  }

  public record LoginResult(
      String result,
      CustomerRecord customer,
      CartView cart,
      CustomerAccessToken customerAccessToken) {}

  public record LoginWithCustomerLoginJwtResult(
      String redirectTo,
      CustomerRecord customer,
      CartView cart,
      CustomerAccessToken customerAccessToken) {}

  public record LogoutResult(String result, CartUnassignResult cartUnassignResult) {}

  public record CartUnassignResult(CartView cart, List<Object> errors) {}

  public record CartResult(CartView cart) {}

  public record UpdateCartCurrencyResult(CartView cart) {}

  public record DeleteCartLineItemResult(
      String deletedLineItemEntityId, CartView cart, String deletedCartEntityId) {}

  public record ErrorsResult(List<Object> errors) {}

  public record CustomerResult(CustomerRecord customer, List<Object> errors) {}

  public record AddressResult(AddressRecord address, List<Object> errors) {}

  public record WishlistResult(WishlistRecord result) {}

  public record DeleteWishlistResult(String result) {}

  public record CartRedirectUrls(String redirectedCheckoutUrl, String embeddedCheckoutUrl) {}

  public record CreateCartRedirectUrlsResult(CartRedirectUrls redirectUrls, List<Object> errors) {}
}
