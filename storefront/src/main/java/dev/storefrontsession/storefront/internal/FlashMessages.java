package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.core.CookieHeader;
import dev.storefrontsession.storefront.internal.Views.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * One-shot messages shown on the page after a redirect ("cart combined", "address saved"), carried
 * by a short-lived cookie instead of a server session, as Catalyst's toast cookie. The cookie holds
 * only a message key, never text from the request.
 */
@Component
public class FlashMessages {

  static final String COOKIE = "toast-notification";
  static final int MAX_AGE_SECONDS = 60;

  static final Map<String, Flash> MESSAGES =
      Map.ofEntries(
          Map.entry(
              "cart-restored",
              new Flash(
                  "info",
                  "You started a cart on another device, and we’ve restored it here so you can pick up where you left off.")),
          Map.entry(
              "cart-combined",
              new Flash(
                  "info",
                  "You left items in your cart on a previous visit — we’ve added them to your current cart for you.")),
          Map.entry("signed-in", new Flash("success", "You’re signed in.")),
          Map.entry("signed-out", new Flash("success", "You’ve been signed out.")),
          Map.entry(
              "signed-out-everywhere",
              new Flash(
                  "success",
                  "You’ve been signed out on every device. Other devices notice within a few minutes.")),
          Map.entry(
              "session-expired",
              new Flash("info", "Your session has ended. Please sign in again.")),
          Map.entry(
              "registered",
              new Flash("success", "Welcome! Your account is ready and you’re signed in.")),
          Map.entry("added-to-cart", new Flash("success", "Added to your cart.")),
          Map.entry("cart-updated", new Flash("success", "Your cart was updated.")),
          Map.entry("item-removed", new Flash("success", "The item was removed from your cart.")),
          Map.entry(
              "checkout-no-cart",
              new Flash("info", "Your cart is empty: add something before checking out.")),
          Map.entry(
              "checkout-cart-gone",
              new Flash(
                  "info",
                  "That cart has already been checked out or is no longer available. Add items to start a new cart.")),
          Map.entry("profile-saved", new Flash("success", "Your profile was saved.")),
          Map.entry("password-changed", new Flash("success", "Your password was changed.")),
          Map.entry(
              "password-reset",
              new Flash(
                  "success", "Your password was updated. Please sign in with your new password.")),
          Map.entry("address-saved", new Flash("success", "The address was saved.")),
          Map.entry("address-deleted", new Flash("success", "The address was deleted.")),
          Map.entry("wishlist-created", new Flash("success", "Your wish list was created.")),
          Map.entry("wishlist-item-added", new Flash("success", "Added to your wish list.")),
          Map.entry("wishlist-item-removed", new Flash("success", "Removed from your wish list.")));

  /** Sets the message to show on the next page. Unknown keys are ignored. */
  public void set(HttpServletRequest request, HttpServletResponse response, String key) {
    if (!MESSAGES.containsKey(key)) {
      return;
    }
    response.addHeader("Set-Cookie", cookie(request, key, MAX_AGE_SECONDS).toString());
  }

  /** The pending message, if any; removes the cookie so it shows once. */
  public Optional<Flash> consume(HttpServletRequest request, HttpServletResponse response) {
    if (!anyCookieHeaderMentions(request, COOKIE)) {
      return Optional.empty(); // the common page view: no parse of every cookie for this one
    }
    String value = cookieValue(request, COOKIE);
    if (value == null) {
      return Optional.empty();
    }
    if (!response.isCommitted()) {
      response.addHeader("Set-Cookie", cookie(request, "", 0).toString());
    }
    return Optional.ofNullable(MESSAGES.get(value));
  }

  /**
   * The value of the request's first cookie named {@code name}, or null, read with the session
   * layer's own cookie rules ({@link CookieHeader}): the container's parse refuses a header of more
   * than 200 cookies with an exception, which a hostile request must not turn into a 500.
   */
  static String cookieValue(HttpServletRequest request, String name) {
    Map<String, String> cookies = new HashMap<>();
    java.util.Enumeration<String> headers = request.getHeaders("Cookie");
    while (headers != null && headers.hasMoreElements()) {
      CookieHeader.parseInto(headers.nextElement(), cookies);
    }
    return cookies.get(name);
  }

  private static boolean anyCookieHeaderMentions(HttpServletRequest request, String name) {
    java.util.Enumeration<String> headers = request.getHeaders("Cookie");
    while (headers != null && headers.hasMoreElements()) {
      if (headers.nextElement().contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static ResponseCookie cookie(HttpServletRequest request, String value, int maxAge) {
    return ResponseCookie.from(COOKIE, value)
        .path("/")
        .httpOnly(true)
        .sameSite("Lax")
        .secure(request.isSecure())
        .maxAge(maxAge)
        .build();
  }
}
