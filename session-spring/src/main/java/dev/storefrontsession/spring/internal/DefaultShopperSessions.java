package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.spring.ShopperLocales;
import dev.storefrontsession.spring.ShopperSession;
import dev.storefrontsession.spring.ShopperSessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link ShopperSessions} on the current request's {@link ShopperRequestState}. Thread-safe
 * (stateless).
 */
public final class DefaultShopperSessions implements ShopperSessions {

  private final RequestOrigins origins;

  /**
   * @param origins decides the shopper IP of a request (the trusted proxy's report, or the socket
   *     peer)
   */
  public DefaultShopperSessions(RequestOrigins origins) {
    this.origins = origins;
  }

  @Override
  public String channelId() {
    return CurrentRequest.state().channelId();
  }

  @Override
  public Optional<ShopperSession> auth() {
    return CurrentRequest.state().principal();
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
    CurrentRequest.state()
        .setCartId(cartIdOrNull == null || cartIdOrNull.isBlank() ? null : cartIdOrNull);
  }

  @Override
  public Optional<ShopperSession> update(UnaryOperator<SessionClaims> change) {
    ShopperRequestState state = CurrentRequest.state();
    return state.update(change).map(claims -> new ShopperSession(claims, state.channelId()));
  }

  @Override
  public CustomerContext customerContext() {
    HttpServletRequest request = CurrentRequest.get();
    CustomerContext context =
        customerAccessToken()
            .map(cat -> CustomerContext.customer(ClientTokens.toClient(cat)))
            .orElse(CustomerContext.guest());
    return withRequest(context, request, origins);
  }

  /**
   * Adds the shopper's IP and locale of {@code request} to a context; the locale ({@link
   * ShopperLocales}) makes the client send the call to the request's channel.
   */
  static CustomerContext withRequest(
      CustomerContext context, HttpServletRequest request, RequestOrigins origins) {
    // exactly one address, already checked; null (no IP address at all) sends none
    return context
        .withShopperIp(origins.shopperIp(request))
        .withLocale(ShopperRequestState.of(request).locale());
  }
}
