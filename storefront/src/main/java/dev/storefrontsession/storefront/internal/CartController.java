package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.client.StorefrontGraphQLException;
import dev.storefrontsession.storefront.internal.CartService.CartException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cart page and its actions (add, change quantity, remove). Post/redirect/get with a flash
 * message.
 */
@Controller
public class CartController {

  private final CartService carts;
  private final CatalogService catalog;
  private final FlashMessages flash;

  public CartController(CartService carts, CatalogService catalog, FlashMessages flash) {
    this.carts = carts;
    this.catalog = catalog;
    this.flash = flash;
  }

  @GetMapping("/cart")
  public String cart(Model model) {
    model.addAttribute("cart", carts.cart().orElse(null));
    return "cart";
  }

  @PostMapping("/cart/add")
  public String add(
      @RequestParam(required = false) String productEntityId,
      @RequestParam(required = false) String quantity,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Integer product = parse(productEntityId, 1, Integer.MAX_VALUE);
    if (product == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return cartWithError(model, "That product could not be found.");
    }
    Integer qty = parse(quantity, 1, CartService.MAX_QUANTITY);
    if (qty == null) {
      return productWithError(
          product,
          model,
          response,
          "Please enter a quantity between 1 and " + CartService.MAX_QUANTITY + ".");
    }
    try {
      carts.add(product, qty);
    } catch (CartException e) {
      return productWithError(product, model, response, e.getMessage());
    } catch (StorefrontAuthException e) {
      throw e;
    } catch (StorefrontGraphQLException e) {
      return productWithError(
          product, model, response, storeMessage(e, "The item could not be added to your cart."));
    }
    flash.set(request, response, "added-to-cart");
    return "redirect:/cart";
  }

  @PostMapping("/cart/items/{lineItemEntityId}/quantity")
  public String updateQuantity(
      @PathVariable String lineItemEntityId,
      @RequestParam(required = false) String quantity,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Integer qty = parse(quantity, 0, CartService.MAX_QUANTITY);
    if (qty == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("cart", carts.cart().orElse(null));
      return cartWithError(
          model, "Please enter a quantity between 1 and " + CartService.MAX_QUANTITY + ".");
    }
    try {
      if (qty == 0) {
        carts.remove(lineItemEntityId);
        flash.set(request, response, "item-removed");
      } else {
        carts.updateQuantity(lineItemEntityId, qty);
        flash.set(request, response, "cart-updated");
      }
    } catch (CartException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("cart", carts.cart().orElse(null));
      return cartWithError(model, e.getMessage());
    } catch (StorefrontAuthException e) {
      throw e;
    } catch (StorefrontGraphQLException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("cart", carts.cart().orElse(null));
      return cartWithError(model, storeMessage(e, "Your cart could not be updated."));
    }
    return "redirect:/cart";
  }

  @PostMapping("/cart/items/{lineItemEntityId}/remove")
  public String remove(
      @PathVariable String lineItemEntityId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      carts.remove(lineItemEntityId);
    } catch (CartException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("cart", carts.cart().orElse(null));
      return cartWithError(model, e.getMessage());
    } catch (StorefrontAuthException e) {
      throw e;
    } catch (StorefrontGraphQLException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("cart", carts.cart().orElse(null));
      return cartWithError(model, storeMessage(e, "The item could not be removed."));
    }
    flash.set(request, response, "item-removed");
    return "redirect:/cart";
  }

  private String productWithError(
      int productEntityId, Model model, HttpServletResponse response, String message) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    var product = catalog.product(productEntityId);
    if (product.isEmpty()) {
      return cartWithError(model, "That product could not be found.");
    }
    model.addAttribute("product", product.get());
    model.addAttribute("wishlists", java.util.List.of());
    model.addAttribute("error", message);
    return "product";
  }

  private String cartWithError(Model model, String message) {
    if (!model.containsAttribute("cart")) {
      model.addAttribute("cart", null);
    }
    model.addAttribute("error", message);
    return "cart";
  }

  private static String storeMessage(StorefrontGraphQLException e, String fallback) {
    return e.messages().isEmpty() ? fallback : e.messages().get(0);
  }

  /**
   * The integer in {@code value} if within bounds, else null (bad input is answered with a
   * message).
   */
  static Integer parse(String value, int min, int max) {
    if (value == null) {
      return null;
    }
    try {
      int v = Integer.parseInt(value.trim());
      return v < min || v > max ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
