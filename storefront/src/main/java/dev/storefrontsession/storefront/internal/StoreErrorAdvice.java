package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.MalformedResponseException;
import dev.storefrontsession.client.StorefrontApiException;
import dev.storefrontsession.client.StorefrontTimeoutException;
import dev.storefrontsession.client.StorefrontTransportException;
import dev.storefrontsession.spring.ShopperSessions;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Store outages become the storefront's error page with a gateway status — never a stack trace, and
 * nothing about the session or cart is touched (the failed response re-issues no cookie).
 * Invalid-CAT errors are deliberately not handled here: session-spring's advice signs the shopper
 * out for those.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class StoreErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(StoreErrorAdvice.class);

  private final ShopperSessions shoppers;

  public StoreErrorAdvice(ShopperSessions shoppers) {
    this.shoppers = shoppers;
  }

  @ExceptionHandler({StorefrontTimeoutException.class, StorefrontTransportException.class})
  public ModelAndView unreachable(RuntimeException e, HttpServletResponse response) {
    log.warn("Store unreachable: {}", e.getClass().getSimpleName());
    return page(HttpStatus.SERVICE_UNAVAILABLE, response);
  }

  @ExceptionHandler({StorefrontApiException.class, MalformedResponseException.class})
  public ModelAndView failed(RuntimeException e, HttpServletResponse response) {
    log.warn("Store failed: {}", e.getClass().getSimpleName());
    HttpStatus status =
        e instanceof StorefrontApiException api && api.isRateLimited()
            ? HttpStatus.TOO_MANY_REQUESTS
            : HttpStatus.BAD_GATEWAY;
    return page(status, response);
  }

  private ModelAndView page(HttpStatus status, HttpServletResponse response) {
    response.setStatus(status.value());
    ModelAndView mav = new ModelAndView("error", status);
    mav.addObject("status", status.value());
    mav.addObject("header", offlineHeader());
    return mav;
  }

  /**
   * The header without asking the store (it is down): sign-in state from the cookie, no categories
   * or count.
   */
  private Views.HeaderView offlineHeader() {
    return Views.HeaderView.of(List.of(), 0, shoppers);
  }
}
