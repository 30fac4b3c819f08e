package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.spring.ShopperSessions;
import dev.storefrontsession.storefront.internal.Views.Address;
import dev.storefrontsession.storefront.internal.Views.Profile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Account pages: orders, profile, addresses, wish lists. {@code GET /account/**} is guarded by
 * session-spring's security chain (no CAT → login); the POST handlers check the session themselves,
 * as Catalyst's server actions do.
 */
@Controller
public class AccountController {

  private final AccountService accounts;
  private final ShopperSessions shoppers;
  private final FlashMessages flash;

  public AccountController(AccountService accounts, ShopperSessions shoppers, FlashMessages flash) {
    this.accounts = accounts;
    this.shoppers = shoppers;
    this.flash = flash;
  }

  @GetMapping({"/account", "/account/"})
  public String account() {
    return "redirect:/account/orders";
  }

  @GetMapping("/account/orders")
  public String orders(Model model) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/orders");
    }
    model.addAttribute("orders", accounts.orders());
    return "account/orders";
  }

  @GetMapping("/account/orders/{entityId}")
  public String order(@PathVariable int entityId, Model model) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/orders/" + entityId);
    }
    model.addAttribute(
        "order",
        accounts
            .order(entityId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    return "account/order";
  }

  static final String EMAIL_CHANGE_IMPERSONATED =
      "Email changes are turned off while store staff are signed in as this customer.";

  /**
   * True when store staff are signed in as the customer and {@code email} is not the session's
   * email.
   */
  private boolean emailChangeWhileImpersonated(String email) {
    return shoppers
        .auth()
        .filter(session -> session.isImpersonated())
        .map(session -> !email.equalsIgnoreCase(session.email().orElse("")))
        .orElse(false);
  }

  @GetMapping("/account/profile")
  public String profile(Model model) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/profile");
    }
    model.addAttribute(
        "profile",
        accounts.profile().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    return "account/profile";
  }

  @PostMapping("/account/profile")
  public String saveProfile(
      @RequestParam(required = false) String firstName,
      @RequestParam(required = false) String lastName,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String company,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/profile");
    }
    Profile profile =
        new Profile(trim(firstName), trim(lastName), trim(email), trim(phone), trim(company), null);
    String problem = null;
    if (profile.firstName().isEmpty()
        || profile.lastName().isEmpty()
        || profile.email().isEmpty()) {
      problem = "First name, last name and email address are required.";
    } else if (!profile.email().contains("@")) {
      problem = "Please enter a valid email address.";
    } else if (tooLong(
        profile.firstName(),
        profile.lastName(),
        profile.email(),
        profile.phone(),
        profile.company())) {
      problem = "One of the fields is too long.";
    } else if (emailChangeWhileImpersonated(profile.email())) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      model.addAttribute("profile", profile);
      model.addAttribute("error", EMAIL_CHANGE_IMPERSONATED);
      return "account/profile";
    } else {
      problem = accounts.updateProfile(profile).orElse(null);
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("profile", profile);
      model.addAttribute("error", problem);
      return "account/profile";
    }
    // the header shows the session's names: keep them with the store's (Catalyst leaves them stale)
    shoppers.update(
        claims ->
            claims.toBuilder()
                .name(profile.firstName() + " " + profile.lastName())
                .email(profile.email())
                .user(
                    claims
                        .user()
                        .map(
                            user ->
                                user.toBuilder()
                                    .firstName(profile.firstName())
                                    .lastName(profile.lastName())
                                    .build())
                        .orElse(null))
                .build());
    flash.set(request, response, "profile-saved");
    return "redirect:/account/profile";
  }

  @GetMapping("/account/addresses")
  public String addresses(Model model) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/addresses");
    }
    model.addAttribute("addresses", accounts.addresses());
    return "account/addresses";
  }

  @GetMapping("/account/addresses/new")
  public String newAddress(Model model) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/addresses/new");
    }
    model.addAttribute("address", Address.empty());
    return "account/address-form";
  }

  @GetMapping("/account/addresses/{entityId}/edit")
  public String editAddress(@PathVariable int entityId, Model model) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/addresses");
    }
    model.addAttribute(
        "address",
        accounts
            .address(entityId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    return "account/address-form";
  }

  @PostMapping("/account/addresses")
  public String addAddress(
      @ModelAttribute AddressForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/addresses");
    }
    Address address = form.toAddress(null);
    String problem = validate(address).or(() -> accounts.addAddress(address)).orElse(null);
    return afterAddressChange(problem, address, model, request, response);
  }

  @PostMapping("/account/addresses/{entityId}")
  public String updateAddress(
      @PathVariable int entityId,
      @ModelAttribute AddressForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/addresses");
    }
    Address address = form.toAddress(entityId);
    String problem =
        validate(address).or(() -> accounts.updateAddress(entityId, address)).orElse(null);
    return afterAddressChange(problem, address, model, request, response);
  }

  @PostMapping("/account/addresses/{entityId}/delete")
  public String deleteAddress(
      @PathVariable int entityId,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/addresses");
    }
    Optional<String> problem = accounts.deleteAddress(entityId);
    if (problem.isPresent()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("addresses", accounts.addresses());
      model.addAttribute("error", problem.get());
      return "account/addresses";
    }
    flash.set(request, response, "address-deleted");
    return "redirect:/account/addresses";
  }

  @GetMapping("/account/wishlists")
  public String wishlists(Model model) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/wishlists");
    }
    model.addAttribute("wishlists", accounts.wishlists());
    return "account/wishlists";
  }

  @PostMapping("/account/wishlists")
  public String createWishlist(
      @RequestParam(required = false) String name,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/wishlists");
    }
    String clean = trim(name);
    if (clean.isEmpty() || clean.length() > 100) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("wishlists", accounts.wishlists());
      model.addAttribute("error", "Please give the list a name (up to 100 characters).");
      return "account/wishlists";
    }
    accounts.createWishlist(clean);
    flash.set(request, response, "wishlist-created");
    return "redirect:/account/wishlists";
  }

  @PostMapping("/account/wishlists/add")
  public String addToWishlist(
      @RequestParam(required = false) String wishlistEntityId,
      @RequestParam(required = false) String productEntityId,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/wishlists");
    }
    Integer list = CartController.parse(wishlistEntityId, 1, Integer.MAX_VALUE);
    Integer product = CartController.parse(productEntityId, 1, Integer.MAX_VALUE);
    if (list == null || product == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    accounts.addToWishlist(list, product);
    flash.set(request, response, "wishlist-item-added");
    return "redirect:/account/wishlists";
  }

  @PostMapping("/account/wishlists/{wishlistEntityId}/items/{itemEntityId}/remove")
  public String removeFromWishlist(
      @PathVariable int wishlistEntityId,
      @PathVariable int itemEntityId,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!shoppers.isLoggedIn()) {
      return loginRedirect("/account/wishlists");
    }
    accounts.removeFromWishlist(wishlistEntityId, itemEntityId);
    flash.set(request, response, "wishlist-item-removed");
    return "redirect:/account/wishlists";
  }

  /** The address form's fields (all optional here; validated before the store sees them). */
  public record AddressForm(
      String firstName,
      String lastName,
      String company,
      String address1,
      String address2,
      String city,
      String stateOrProvince,
      String postalCode,
      String countryCode,
      String phone) {
    Address toAddress(Integer entityId) {
      return new Address(
          entityId,
          trim(firstName),
          trim(lastName),
          trim(company),
          trim(address1),
          trim(address2),
          trim(city),
          trim(stateOrProvince),
          trim(postalCode),
          trim(countryCode),
          trim(phone));
    }
  }

  private String afterAddressChange(
      String problem,
      Address address,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("address", address);
      model.addAttribute("error", problem);
      return "account/address-form";
    }
    flash.set(request, response, "address-saved");
    return "redirect:/account/addresses";
  }

  private static Optional<String> validate(Address a) {
    if (a.firstName().isEmpty()
        || a.lastName().isEmpty()
        || a.address1().isEmpty()
        || a.city().isEmpty()
        || a.countryCode().isEmpty()) {
      return Optional.of("First name, last name, address, city and country are required.");
    }
    if (!a.countryCode().matches("[A-Za-z]{2}")) {
      return Optional.of("The country code must be two letters, e.g. US or GB.");
    }
    if (tooLong(
        a.firstName(),
        a.lastName(),
        a.company(),
        a.address1(),
        a.address2(),
        a.city(),
        a.stateOrProvince(),
        a.postalCode(),
        a.phone())) {
      return Optional.of("One of the fields is too long.");
    }
    return Optional.empty();
  }

  private static boolean tooLong(String... values) {
    for (String v : values) {
      if (v != null && v.length() > AuthController.MAX_FIELD) {
        return true;
      }
    }
    return false;
  }

  private static String loginRedirect(String path) {
    return "redirect:/login?redirectTo=" + path;
  }

  static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
