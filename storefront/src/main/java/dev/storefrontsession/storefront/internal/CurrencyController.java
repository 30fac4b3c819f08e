package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.spring.SafeRedirects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The currency switcher (Catalyst's): remembers the chosen currency and moves the channel's cart to
 * it ({@code updateCartCurrency}; the new cart id replaces that channel's entry in the session),
 * then back to the page. A currency the channel does not offer changes nothing.
 */
@Controller
public class CurrencyController {

  private final CurrencyPreference currency;
  private final CartService carts;

  public CurrencyController(CurrencyPreference currency, CartService carts) {
    this.currency = currency;
    this.carts = carts;
  }

  @PostMapping("/currency")
  public String choose(
      @RequestParam(required = false) String currencyCode,
      @RequestParam(required = false) String redirectTo,
      HttpServletRequest request,
      HttpServletResponse response) {
    String back = "redirect:" + SafeRedirects.pathAndQuery(redirectTo, "/");
    if (!currency.offers(currencyCode)) {
      return back;
    }
    carts.changeCurrency(currencyCode);
    currency.choose(currencyCode, response, request.isSecure());
    return back;
  }
}
