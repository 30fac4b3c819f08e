package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.client.StorefrontException;
import dev.storefrontsession.spring.SafeRedirects;
import dev.storefrontsession.spring.ShopperSessions;
import dev.storefrontsession.spring.ShopperSignIn;
import dev.storefrontsession.spring.SignInResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in by password, SSO link ({@code /login/token/{jwt}}), registration and sign-out, as
 * Catalyst's {@code (auth)} routes behave.
 */
@Controller
public class AuthController {

  static final String DEFAULT_AFTER_LOGIN = "/account/orders";
  static final int MAX_FIELD = 255;

  static final Map<String, String> QUERY_ERRORS =
      Map.of(
          "InvalidToken", "Your login link is invalid or has expired. Please try logging in again.",
          "CredentialsSignin", "The email address or password is incorrect. Please try again.",
          "SessionExpired", "Your session has ended. Please sign in again.");

  private final ShopperSignIn signIn;
  private final ShopperSessions shoppers;
  private final AccountService accounts;
  private final FlashMessages flash;

  public AuthController(
      ShopperSignIn signIn,
      ShopperSessions shoppers,
      AccountService accounts,
      FlashMessages flash) {
    this.signIn = signIn;
    this.shoppers = shoppers;
    this.accounts = accounts;
    this.flash = flash;
  }

  @GetMapping("/login")
  public String loginPage(
      @RequestParam(required = false) String redirectTo,
      @RequestParam(required = false) String error,
      Model model) {
    if (shoppers.isLoggedIn()) {
      return "redirect:" + DEFAULT_AFTER_LOGIN;
    }
    model.addAttribute("redirectTo", SafeRedirects.pathAndQuery(redirectTo, DEFAULT_AFTER_LOGIN));
    model.addAttribute("email", "");
    if (error != null) {
      model.addAttribute(
          "error", QUERY_ERRORS.getOrDefault(error, "Sign-in failed. Please try again."));
    }
    return "login";
  }

  @PostMapping("/login")
  public String login(
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String redirectTo,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String target = SafeRedirects.pathAndQuery(redirectTo, DEFAULT_AFTER_LOGIN);
    String cleanEmail = email == null ? "" : email.trim();
    model.addAttribute("redirectTo", target);
    model.addAttribute("email", cleanEmail.length() > MAX_FIELD ? "" : cleanEmail);
    if (cleanEmail.isEmpty() || password == null || password.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", "Please enter your email address and password.");
      return "login";
    }
    if (cleanEmail.length() > MAX_FIELD || password.length() > MAX_FIELD) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", "The email address or password is too long.");
      return "login";
    }
    SignInResult result = signIn.signInWithPassword(cleanEmail, password);
    if (result instanceof SignInResult.Success success) {
      flash.set(request, response, cartFlash(success.cart(), "signed-in"));
      return "redirect:" + target;
    }
    SignInResult.Failure failure = (SignInResult.Failure) result;
    response.setStatus(statusOf(failure.reason()).value());
    model.addAttribute("error", messageOf(failure));
    model.addAttribute("errorReason", failure.reason().name());
    return "login";
  }

  /**
   * SSO: a Customer Login JWT link. Success → the JWT's {@code redirect_to} (a local path); failure
   * → the login page.
   */
  @GetMapping("/login/token/{jwt}")
  public String loginWithToken(
      @PathVariable String jwt,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    SignInResult result = signIn.signInWithCustomerLoginJwt(jwt);
    if (result instanceof SignInResult.Success success) {
      flash.set(request, response, cartFlash(success.cart(), "signed-in"));
      return "redirect:" + SafeRedirects.pathAndQuery(success.redirectTo(), DEFAULT_AFTER_LOGIN);
    }
    SignInResult.Failure failure = (SignInResult.Failure) result;
    if (failure.reason() == SignInResult.Reason.UPSTREAM_UNAVAILABLE) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      model.addAttribute("status", 503);
      return "error";
    }
    return "redirect:/login?error=InvalidToken";
  }

  /**
   * Catalyst's {@code /logout} route: sign out, then go to {@code redirectTo}'s path (default the
   * login page).
   */
  @GetMapping("/logout")
  public String logout(
      @RequestParam(required = false) String redirectTo,
      HttpServletRequest request,
      HttpServletResponse response) {
    boolean wasSignedIn = shoppers.isLoggedIn();
    signIn.signOut();
    if (wasSignedIn) {
      flash.set(request, response, "signed-out");
    }
    return "redirect:" + pathOnly(SafeRedirects.pathAndQuery(redirectTo, "/login"));
  }

  @GetMapping("/register")
  public String registerPage(Model model) {
    if (shoppers.isLoggedIn()) {
      return "redirect:" + DEFAULT_AFTER_LOGIN;
    }
    model.addAttribute("form", new RegisterForm("", "", ""));
    return "register";
  }

  public record RegisterForm(String firstName, String lastName, String email) {}

  @PostMapping("/register")
  public String register(
      @RequestParam(required = false) String firstName,
      @RequestParam(required = false) String lastName,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String password,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    RegisterForm form = new RegisterForm(trim(firstName), trim(lastName), trim(email));
    model.addAttribute("form", form);
    String problem = null;
    if (form.firstName().isEmpty()
        || form.lastName().isEmpty()
        || form.email().isEmpty()
        || password == null
        || password.isEmpty()) {
      problem = "Please fill in your name, email address and a password.";
    } else if (form.firstName().length() > MAX_FIELD
        || form.lastName().length() > MAX_FIELD
        || form.email().length() > MAX_FIELD
        || password.length() > MAX_FIELD) {
      problem = "One of the fields is too long.";
    } else if (!form.email().contains("@")) {
      problem = "Please enter a valid email address.";
    }
    if (problem == null) {
      try {
        problem =
            accounts
                .register(form.firstName(), form.lastName(), form.email(), password)
                .orElse(null);
      } catch (StorefrontAuthException e) {
        throw e;
      } catch (StorefrontException e) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute(
            "error", "The store is unavailable right now. Please try again in a moment.");
        return "register";
      }
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", problem);
      return "register";
    }
    SignInResult result = signIn.signInWithPassword(form.email(), password);
    if (result instanceof SignInResult.Success success) {
      flash.set(request, response, cartFlash(success.cart(), "registered"));
      return "redirect:" + DEFAULT_AFTER_LOGIN;
    }
    // Registered but not signed in (e.g. the store is briefly unavailable): send them to the login
    // page.
    return "redirect:/login";
  }

  static String cartFlash(SignInResult.CartOutcome outcome, String otherwise) {
    return switch (outcome) {
      case RESTORED -> "cart-restored";
      case COMBINED -> "cart-combined";
      case NONE -> otherwise;
    };
  }

  static HttpStatus statusOf(SignInResult.Reason reason) {
    return switch (reason) {
      case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
      case UPSTREAM_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      default -> HttpStatus.UNAUTHORIZED;
    };
  }

  static String messageOf(SignInResult.Failure failure) {
    return switch (failure.reason()) {
      case INVALID_CREDENTIALS -> "The email address or password is incorrect. Please try again.";
      case RESET_PASSWORD_REQUIRED ->
          "For your security, you need to reset your password before signing in. "
              + "Please check your email for a reset link or contact the store.";
      case TOO_MANY_ATTEMPTS ->
          "Too many sign-in attempts. Please wait a few minutes and try again.";
      case INVALID_TOKEN -> QUERY_ERRORS.get("InvalidToken");
      case UPSTREAM_UNAVAILABLE ->
          "The store is unavailable right now. Please try again in a moment.";
    };
  }

  private static String pathOnly(String pathAndQuery) {
    try {
      String path = URI.create(pathAndQuery).getRawPath();
      return path == null || path.isEmpty() ? "/" : path;
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
