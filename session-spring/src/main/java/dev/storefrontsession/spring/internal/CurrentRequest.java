package dev.storefrontsession.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The servlet request being served by the calling thread (Spring MVC binds it). */
final class CurrentRequest {

  private CurrentRequest() {}

  static HttpServletRequest get() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      return servlet.getRequest();
    }
    throw new IllegalStateException(
        "the shopper session is only available while serving an HTTP request");
  }

  static ShopperRequestState state() {
    return ShopperRequestState.of(get());
  }
}
