package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.spring.ShopperSessions;
import dev.storefrontsession.storefront.internal.CheckoutService.NoCart;
import dev.storefrontsession.storefront.internal.CheckoutService.ToCheckout;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Catalyst's {@code /checkout} route and the way back. {@code POST /checkout} (the cart page's
 * button, CSRF-checked) and {@code GET /checkout} mint a one-time checkout URL and answer 303 to
 * it, or, in embedded mode ({@code storefront.checkout.embedded=true}), render the store's embedded
 * checkout in the storefront's page. No cart → the cart page with a message; a customer access
 * token the store rejects → {@code /logout?redirectTo=/checkout}, so the shopper continues as a
 * guest with the cart kept (as Catalyst). {@code GET /checkout/order-confirmation} is the
 * checkout's return URL.
 */
@Controller
public class CheckoutController {

  /**
   * A guest's completed cart for this browser session, so a reload still shows the confirmation
   * (path: the confirmation page's, under the locale's prefix).
   */
  static final String ORDER_COOKIE = "checkout-order";

  static final String CONFIRMATION_PATH = "/checkout/order-confirmation";
  private static final Pattern ORDER_COOKIE_VALUE =
      Pattern.compile("(\\d{1,10})\\.([A-Za-z0-9-]{1,64})");

  private final CheckoutService checkout;
  private final ShopperSessions shoppers;
  private final FlashMessages flash;
  private final boolean embedded;

  public CheckoutController(
      CheckoutService checkout,
      ShopperSessions shoppers,
      FlashMessages flash,
      @Value("${storefront.checkout.embedded:false}") boolean embedded) {
    this.checkout = checkout;
    this.shoppers = shoppers;
    this.flash = flash;
    this.embedded = embedded;
  }

  @RequestMapping(
      path = "/checkout",
      method = {RequestMethod.GET, RequestMethod.POST})
  public ModelAndView checkout(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    CheckoutService.Handoff handoff;
    try {
      handoff = checkout.handoff();
    } catch (StorefrontAuthException e) {
      // Catalyst: the token is no good, so sign out (the cart stays) and come back here as a guest.
      return seeOther("/logout?redirectTo=/checkout");
    }
    if (handoff instanceof NoCart noCart) {
      flash.set(request, response, noCart.stale() ? "checkout-cart-gone" : "checkout-no-cart");
      return seeOther("/cart");
    }
    ToCheckout to = (ToCheckout) handoff;
    if (embedded) {
      ModelAndView page = new ModelAndView("checkout");
      page.addObject("checkoutUrl", to.embeddedCheckoutUrl());
      return page;
    }
    return seeOther(to.redirectedCheckoutUrl());
  }

  @GetMapping(CONFIRMATION_PATH)
  public String confirmation(
      @RequestParam(required = false) String orderId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Integer id = CartController.parse(orderId, 1, Integer.MAX_VALUE);
    Optional<String> remembered = id == null ? Optional.empty() : remembered(request, id);
    Optional<String> sessionCart = shoppers.isLoggedIn() ? Optional.empty() : shoppers.cartId();
    Optional<Views.OrderDetail> order =
        id == null ? Optional.empty() : checkout.confirmation(id, remembered);
    if (order.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("order", null);
      return "order-confirmation";
    }
    if (!shoppers.isLoggedIn() && remembered.isEmpty() && sessionCart.isPresent()) {
      response.addHeader(
          HttpHeaders.SET_COOKIE,
          ResponseCookie.from(ORDER_COOKIE, id + "." + sessionCart.get())
              .path(confirmationPath(request))
              .httpOnly(true)
              .secure(request.isSecure())
              .sameSite("Lax")
              .build()
              .toString());
    }
    model.addAttribute("order", order.get());
    model.addAttribute("signedIn", shoppers.isLoggedIn());
    return "order-confirmation";
  }

  /**
   * The confirmation page's path as the browser sees it: under the locale's prefix ({@code
   * /fr/checkout/order-confirmation}), where the remembered order must be sent back.
   */
  private static String confirmationPath(HttpServletRequest request) {
    String prefix =
        request.getAttribute(LocalePathFilter.LOCALE) instanceof StorefrontLocales.StoreLocale l
            ? l.prefix()
            : "";
    return request.getContextPath() + prefix + CONFIRMATION_PATH;
  }

  private static Optional<String> remembered(HttpServletRequest request, int orderId) {
    String value = FlashMessages.cookieValue(request, ORDER_COOKIE);
    if (value == null) {
      return Optional.empty();
    }
    var m = ORDER_COOKIE_VALUE.matcher(value);
    return m.matches() && m.group(1).equals(String.valueOf(orderId))
        ? Optional.of(m.group(2))
        : Optional.empty();
  }

  private static ModelAndView seeOther(String location) {
    ModelAndView mav = new ModelAndView("redirect:" + location);
    mav.setStatus(HttpStatus.SEE_OTHER);
    return mav;
  }
}
