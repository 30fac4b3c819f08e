package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.client.StorefrontException;
import dev.storefrontsession.spring.ShopperSessions;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Home, category and product pages. */
@Controller
public class CatalogController {

  private static final Logger log = LoggerFactory.getLogger(CatalogController.class);

  private final CatalogService catalog;
  private final AccountService accounts;
  private final ShopperSessions shoppers;

  public CatalogController(
      CatalogService catalog, AccountService accounts, ShopperSessions shoppers) {
    this.catalog = catalog;
    this.accounts = accounts;
    this.shoppers = shoppers;
  }

  @GetMapping("/")
  public String home(Model model, HttpServletResponse response) {
    try {
      CatalogService.Home home = catalog.home();
      model.addAttribute("categories", home.categories());
      model.addAttribute("products", home.products());
      model.addAttribute("catalogUnavailable", false);
    } catch (StorefrontAuthException e) {
      throw e;
    } catch (StorefrontException e) {
      // Degraded home page: the shopper keeps the session and cart, and sees why the catalog is
      // missing.
      log.warn("Catalog unavailable on the home page: {}", e.getClass().getSimpleName());
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      model.addAttribute("categories", List.of());
      model.addAttribute("products", List.of());
      model.addAttribute("catalogUnavailable", true);
    }
    return "home";
  }

  @GetMapping("/category/{entityId}")
  public String category(@PathVariable int entityId, Model model) {
    var page =
        catalog
            .category(entityId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("category", page.category());
    model.addAttribute("products", page.products());
    model.addAttribute("activeCategoryId", entityId);
    return "category";
  }

  @GetMapping("/product/{entityId}")
  public String product(@PathVariable int entityId, Model model) {
    model.addAttribute(
        "product",
        catalog
            .product(entityId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("wishlists", shoppers.isLoggedIn() ? accounts.wishlists() : List.of());
    return "product";
  }
}
