package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.client.StorefrontException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Runs first among the exception resolvers and only takes notes: a store failure (timeout,
 * transport error, HTTP error, GraphQL error — anything but a rejected customer access token) marks
 * the response as failed upstream, so the session cookie is not rolled on it. Whoever handles the
 * exception afterwards decides the page. Stateless.
 */
public final class UpstreamFailureMarker implements HandlerExceptionResolver, Ordered {

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (ex instanceof StorefrontException && !(ex instanceof StorefrontAuthException)) {
      ShopperRequestState.find(request).ifPresent(ShopperRequestState::markUpstreamFailure);
    }
    return null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
