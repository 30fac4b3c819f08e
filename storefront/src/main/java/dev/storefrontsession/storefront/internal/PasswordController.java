package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.client.StorefrontException;
import dev.storefrontsession.spring.ShopperSessions;
import dev.storefrontsession.spring.ShopperSignIn;
import dev.storefrontsession.spring.SignInResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The password journeys, as Catalyst has them: change password in the account settings (signed in,
 * with the shopper's CAT; the session stays signed in with a fresh CAT, see {@link
 * ShopperSignIn#renewAfterPasswordChange}), forgot password (a guest asks for a reset link; the
 * answer is the same whether or not the email has an account) and reset password from the emailed
 * link {@code ?c=<customerEntityId>&t=<token>}. Passwords are never put back into a page.
 */
@Controller
public class PasswordController {

  static final String SETTINGS = "/account/settings";
  static final String IMPERSONATED =
      "Password changes are turned off while store staff are signed in as this customer.";
  static final String UNAVAILABLE =
      "The store is unavailable right now. Please try again in a moment.";
  static final String BROKEN_LINK =
      "This password reset link is incomplete or damaged. Please request a new one.";
  static final int MAX_TOKEN = 512;
  static final String TOO_MANY_ATTEMPTS =
      "Too many attempts with a wrong password. Please wait a few minutes and try again.";
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(PasswordController.class);

  private final AccountService accounts;
  private final PasswordResetService resets;
  private final ShopperSessions shoppers;
  private final FlashMessages flash;
  private final SandboxResetLinks sandboxLinks;
  private final ShopperSignIn signIn;

  public PasswordController(
      AccountService accounts,
      PasswordResetService resets,
      ShopperSessions shoppers,
      FlashMessages flash,
      SandboxResetLinks sandboxLinks,
      ShopperSignIn signIn) {
    this.signIn = signIn;
    this.accounts = accounts;
    this.resets = resets;
    this.shoppers = shoppers;
    this.flash = flash;
    this.sandboxLinks = sandboxLinks;
  }

  // ---- change password (signed in)
  // ----------------------------------------------------------------------------

  @GetMapping(SETTINGS)
  public String settings() {
    if (!shoppers.isLoggedIn()) {
      return "redirect:/login?redirectTo=" + SETTINGS;
    }
    return "account/settings";
  }

  @PostMapping(SETTINGS + "/password")
  public String changePassword(
      @RequestParam(required = false) String currentPassword,
      @RequestParam(required = false) String newPassword,
      @RequestParam(required = false) String confirmPassword,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!shoppers.isLoggedIn()) {
      return "redirect:/login?redirectTo=" + SETTINGS;
    }
    if (shoppers.auth().map(s -> s.isImpersonated()).orElse(false)) {
      // "login as customer" is for helping the customer, not for taking over the account
      response.setStatus(HttpStatus.FORBIDDEN.value());
      model.addAttribute("error", IMPERSONATED);
      return "account/settings";
    }
    String problem;
    String field = null;
    if (currentPassword == null || currentPassword.isEmpty()) {
      problem = "Please enter your current password.";
      field = "currentPassword";
    } else if (currentPassword.length() > AuthController.MAX_FIELD) {
      problem = "The current password is too long.";
      field = "currentPassword";
    } else {
      problem = newPasswordProblem(newPassword, confirmPassword);
      field = problem == null ? null : newPasswordField(newPassword, confirmPassword);
    }
    HttpStatus status = HttpStatus.BAD_REQUEST;
    if (problem == null) {
      try {
        problem = accounts.changePassword(currentPassword, newPassword).orElse(null);
      } catch (TooManyAttemptsException e) {
        problem = TOO_MANY_ATTEMPTS;
        status = HttpStatus.TOO_MANY_REQUESTS;
      }
    }
    if (problem != null) {
      response.setStatus(status.value());
      model.addAttribute("error", problem);
      model.addAttribute("errorField", field);
      return "account/settings";
    }
    // the store signed the customer out everywhere else; this device signs in again for a fresh
    // token
    if (signIn.renewAfterPasswordChange(newPassword) instanceof SignInResult.Failure failure) {
      log.info(
          "Could not renew the session after a password change ({}); it stays as it was",
          failure.reason());
    }
    flash.set(request, response, "password-changed");
    return "redirect:" + SETTINGS;
  }

  /**
   * "Sign out everywhere": BigCommerce's {@code logout} invalidates every customer access token of
   * the customer, on all devices; the other devices' cookies then end on their next customer call,
   * or at the latest when their session is next revalidated ({@code
   * storefront.session.revalidate-interval}).
   */
  @PostMapping(SETTINGS + "/sign-out-everywhere")
  public String signOutEverywhere(HttpServletRequest request, HttpServletResponse response) {
    if (!shoppers.isLoggedIn()) {
      return "redirect:/login?redirectTo=" + SETTINGS;
    }
    signIn.signOut();
    flash.set(request, response, "signed-out-everywhere");
    return "redirect:/login";
  }

  // ---- forgot password (guest)
  // --------------------------------------------------------------------------------

  @GetMapping("/login/forgot-password")
  public String forgotPasswordPage(Model model) {
    if (shoppers.isLoggedIn()) {
      return "redirect:" + AuthController.DEFAULT_AFTER_LOGIN;
    }
    model.addAttribute("email", "");
    model.addAttribute("resetLinkLogged", sandboxLinks.active());
    return "forgot-password";
  }

  @PostMapping("/login/forgot-password")
  public String forgotPassword(
      @RequestParam(required = false) String email,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String clean = email == null ? "" : email.trim();
    model.addAttribute("email", clean);
    model.addAttribute("resetLinkLogged", sandboxLinks.active());
    String problem = null;
    if (clean.isEmpty()) {
      problem = "Please enter your email address.";
    } else if (clean.length() > AuthController.MAX_FIELD) {
      problem = "The email address is too long.";
    } else if (!clean.contains("@")) {
      problem = "Please enter a valid email address.";
    } else {
      try {
        problem = resets.requestReset(clean, baseUrl(request)).orElse(null);
      } catch (StorefrontAuthException e) {
        throw e;
      } catch (StorefrontException e) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("error", UNAVAILABLE);
        return "forgot-password";
      }
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", problem);
      return "forgot-password";
    }
    // The same answer whether or not an account has this email.
    model.addAttribute("sent", true);
    return "forgot-password";
  }

  // ---- reset password from the emailed link (guest)
  // -----------------------------------------------------------

  @GetMapping("/login/reset-password")
  public String resetPasswordPage(
      @RequestParam(required = false) String c,
      @RequestParam(required = false) String t,
      Model model,
      HttpServletResponse response) {
    if (shoppers.isLoggedIn()) {
      return "redirect:" + AuthController.DEFAULT_AFTER_LOGIN;
    }
    keepTokenOutOfReferrers(response);
    if (!linkModel(c, t, model)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    return "reset-password";
  }

  @PostMapping("/login/reset-password")
  public String resetPassword(
      @RequestParam(required = false) String c,
      @RequestParam(required = false) String t,
      @RequestParam(required = false) String newPassword,
      @RequestParam(required = false) String confirmPassword,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    keepTokenOutOfReferrers(response);
    if (!linkModel(c, t, model)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "reset-password";
    }
    String problem = newPasswordProblem(newPassword, confirmPassword);
    String field = problem == null ? null : newPasswordField(newPassword, confirmPassword);
    if (problem == null) {
      try {
        problem = resets.resetPassword(customerEntityId(c), t.trim(), newPassword).orElse(null);
      } catch (StorefrontAuthException e) {
        throw e;
      } catch (StorefrontException e) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("error", UNAVAILABLE);
        return "reset-password";
      }
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", problem);
      model.addAttribute("errorField", field);
      return "reset-password";
    }
    flash.set(request, response, "password-reset");
    return "redirect:/login";
  }

  /**
   * Puts the link's parts on the page; false (and the broken-link error) when they are missing or
   * malformed.
   */
  private static boolean linkModel(String c, String t, Model model) {
    Integer customer = customerEntityId(c);
    boolean tokenOk = token(t);
    model.addAttribute("c", customer == null ? "" : String.valueOf(customer));
    model.addAttribute("t", tokenOk ? t.trim() : "");
    if (customer == null || !tokenOk) {
      model.addAttribute("error", BROKEN_LINK);
      model.addAttribute("linkBroken", true);
      return false;
    }
    return true;
  }

  /** The problem with a new password and its confirmation before the store sees them, or null. */
  static String newPasswordProblem(String newPassword, String confirmPassword) {
    if (newPassword == null || newPassword.isEmpty()) {
      return "Please enter a new password.";
    }
    if (newPassword.length() > AuthController.MAX_FIELD) {
      return "The new password is too long.";
    }
    if (confirmPassword == null || confirmPassword.isEmpty()) {
      return "Please enter the new password again to confirm it.";
    }
    if (!newPassword.equals(confirmPassword)) {
      return "The new password and its confirmation do not match.";
    }
    return null;
  }

  private static String newPasswordField(String newPassword, String confirmPassword) {
    return newPassword == null
            || newPassword.isEmpty()
            || newPassword.length() > AuthController.MAX_FIELD
        ? "newPassword"
        : "confirmPassword";
  }

  /** The {@code c} parameter: a positive customer id, else null. */
  static Integer customerEntityId(String c) {
    return CartController.parse(c == null ? null : c.trim(), 1, Integer.MAX_VALUE);
  }

  /** The {@code t} parameter: present, printable ASCII without spaces, of sane length. */
  static boolean token(String t) {
    if (t == null) {
      return false;
    }
    String s = t.trim();
    return !s.isEmpty() && s.length() <= MAX_TOKEN && s.chars().allMatch(ch -> ch > 32 && ch < 127);
  }

  /** The reset page's URL carries the token: never send it on to other sites as a referrer. */
  private static void keepTokenOutOfReferrers(HttpServletResponse response) {
    response.setHeader("Referrer-Policy", "no-referrer");
  }

  private static String baseUrl(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request)
        .replaceQuery(null)
        .build()
        .toUriString();
  }
}
