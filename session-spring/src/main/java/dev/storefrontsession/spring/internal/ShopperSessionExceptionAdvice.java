package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.core.ChannelCarts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * When a handler lets the client's invalid/missing customer access token error propagate
 * (Catalyst's {@code onError → /api/auth/signout}): the session is cleared, its cart kept in a new
 * anonymous session, and the shopper redirected to the login page. Upstream outages are not handled
 * here and never clear a session.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public final class ShopperSessionExceptionAdvice {

  private static final Logger log = LoggerFactory.getLogger(ShopperSessionExceptionAdvice.class);

  @ExceptionHandler(StorefrontAuthException.class)
  public ResponseEntity<Void> customerAccessTokenRejected(
      StorefrontAuthException e, HttpServletRequest request, HttpServletResponse response) {
    ShopperRequestState state = ShopperRequestState.of(request);
    ChannelCarts carts =
        state.session().map(ShopperRequestState::cartsOf).orElse(new ChannelCarts(null, null));
    log.info(
        "The store rejected the shopper's customer access token ({} on {}): signing out, keeping the cart",
        e.code(),
        e.operationName());
    state
        .settings()
        .events()
        .customerAccessTokenInvalid(
            dev.storefrontsession.spring.ShopperSessionEvents.InvalidTokenSource.REJECTED_BY_STORE);
    state.signOut(carts);
    return ResponseEntity.status(HttpStatus.FOUND)
        // through the response, so an app that routes locales by path keeps the shopper's prefix
        // (/fr/login)
        .header(
            HttpHeaders.LOCATION,
            response.encodeRedirectURL(request.getContextPath() + state.settings().signInPage()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
