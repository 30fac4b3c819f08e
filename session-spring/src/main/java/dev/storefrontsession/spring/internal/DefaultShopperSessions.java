package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.spring.ShopperSession;
import dev.storefrontsession.spring.ShopperSessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** {@link ShopperSessions} on the current request's {@link ShopperRequestState}. Thread-safe (stateless). */
public final class DefaultShopperSessions implements ShopperSessions {

  private final boolean trustForwardedFor;

  /** @param trustForwardedFor forward the incoming {@code X-Forwarded-For} as the shopper IP (behind a proxy) */
  public DefaultShopperSessions(boolean trustForwardedFor) {
    this.trustForwardedFor = trustForwardedFor;
  }

  @Override
  public Optional<ShopperSession> auth() {
    return CurrentRequest.state().session().map(ShopperSession::new);
  }

  @Override
  public Optional<CustomerAccessToken> customerAccessToken() {
    return auth().flatMap(ShopperSession::customerAccessToken);
  }

  @Override
  public boolean isLoggedIn() {
    return customerAccessToken().isPresent();
  }

  @Override
  public Optional<String> cartId() {
    return CurrentRequest.state().cartId();
  }

  @Override
  public void setCartId(String cartIdOrNull) {
    CurrentRequest.state().setCartId(cartIdOrNull == null || cartIdOrNull.isBlank() ? null : cartIdOrNull);
  }

  @Override
  public CustomerContext customerContext() {
    HttpServletRequest request = CurrentRequest.get();
    CustomerContext context = customerAccessToken()
        .map(cat -> CustomerContext.customer(ClientTokens.toClient(cat)))
        .orElse(CustomerContext.guest());
    return withRequest(context, request, trustForwardedFor);
  }

  /** Adds the shopper's IP and locale of {@code request} to a context. */
  static CustomerContext withRequest(CustomerContext context, HttpServletRequest request, boolean trustForwardedFor) {
    String forwarded = trustForwardedFor ? request.getHeader("X-Forwarded-For") : null;
    String ip = forwarded != null && !forwarded.isBlank() ? forwarded : request.getRemoteAddr();
    CustomerContext result = context;
    try {
      result = result.withShopperIp(ip);
    } catch (IllegalArgumentException unsafe) {
      // a header with control characters is not forwarded
    }
    if (request.getHeader("Accept-Language") != null) {
      try {
        result = result.withLocale(request.getLocale().getLanguage());
      } catch (IllegalArgumentException unsafe) {
        // ignore an unusable locale
      }
    }
    return result;
  }
}
