package dev.storefrontsession.spring.testapp;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.GraphQLResponse;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.client.StorefrontTimeoutException;
import dev.storefrontsession.client.StorefrontTransportException;
import dev.storefrontsession.spring.SafeRedirects;
import dev.storefrontsession.spring.ShopperSession;
import dev.storefrontsession.spring.ShopperSessions;
import dev.storefrontsession.spring.ShopperSignIn;
import dev.storefrontsession.spring.SignInResult;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Handlers that exercise each part of session-spring the way a storefront does. */
@RestController
public class TestShopController {

  private final ShopperSessions sessions;
  private final ShopperSignIn signIn;
  private final StorefrontClient client;

  public TestShopController(
      ShopperSessions sessions, ShopperSignIn signIn, StorefrontClient client) {
    this.sessions = sessions;
    this.signIn = signIn;
    this.client = client;
  }

  /** Touches nothing about the session. */
  @GetMapping("/")
  public String home() {
    return "home";
  }

  @GetMapping("/login")
  public String loginPage() {
    return "login page";
  }

  /** The session as {@link ShopperSessions} sees it. */
  @GetMapping("/whoami")
  public String whoami() {
    String who = sessions.auth().map(s -> "session:" + s.email().orElse("?")).orElse("guest");
    return who + " loggedIn=" + sessions.isLoggedIn() + " cart=" + sessions.cartId().orElse("none");
  }

  @GetMapping("/principal")
  public String principal(@AuthenticationPrincipal ShopperSession shopper) {
    return shopper == null ? "anonymous" : "principal:" + shopper.email().orElse("?");
  }

  /** The cart as the principal ({@code @AuthenticationPrincipal ShopperSession}) gives it. */
  @GetMapping("/principal/cart")
  public String principalCart(@AuthenticationPrincipal ShopperSession shopper) {
    return "cart=" + shopper.cartId().orElse("none");
  }

  @GetMapping("/account/orders")
  public String orders(@AuthenticationPrincipal ShopperSession shopper) {
    return "orders of " + shopper.email().orElse("?");
  }

  /** The CSRF token a Thymeleaf form would embed (masked by Spring Security). */
  @GetMapping("/form")
  public String form(CsrfToken csrf) {
    return csrf.getToken();
  }

  @PostMapping("/cart")
  public String setCart(@RequestParam(value = "cartId", required = false) String cartId) {
    sessions.setCartId(cartId);
    return "cart=" + sessions.cartId().orElse("none");
  }

  /** A profile edit: the names the header shows, and a custom claim. */
  @PostMapping("/profile")
  public String profile(@RequestParam String firstName, @RequestParam String lastName) {
    return sessions
        .update(
            claims ->
                claims.toBuilder()
                    .name(firstName + " " + lastName)
                    .user(
                        claims.user().orElseThrow().toBuilder()
                            .firstName(firstName)
                            .lastName(lastName)
                            .build())
                    .extra("b2bToken", "b2b-" + firstName)
                    .build())
        .map(s -> "updated " + s.name().orElse("?"))
        .orElse("not signed in");
  }

  /**
   * Sets a cart, then updates the session from a copy of the claims taken before: the update must
   * not drop the cart, nor move the sign-in or check time.
   */
  @PostMapping("/cart-then-stale-update")
  public String cartThenStaleUpdate(@RequestParam String cartId) {
    ShopperSession before = sessions.auth().orElseThrow();
    sessions.setCartId(cartId);
    sessions.update(
        claims ->
            before.claims().toBuilder()
                .extra("segment", "vip")
                .authTime(java.time.Instant.EPOCH)
                .customerAccessTokenCheckedAt(null)
                .user(before.claims().user().orElseThrow().toBuilder().cartId("stale-cart").build())
                .build());
    sessions.update(claims -> claims.toBuilder().extra("second", true).build());
    return "cart=" + sessions.cartId().orElse("none");
  }

  /** Who is signed in, and whether store staff are ("login as customer"). */
  @GetMapping("/impersonation")
  public String impersonation() {
    return sessions
        .auth()
        .map(
            s -> s.impersonatorId().map(id -> "impersonated by staff " + id).orElse("the customer"))
        .orElse("guest");
  }

  /** Server code trying to drop the impersonator with an update. */
  @PostMapping("/hide-impersonator")
  public String hideImpersonator() {
    sessions.update(claims -> claims.toBuilder().impersonatorId(null).name("Renamed").build());
    return impersonation();
  }

  /** A password change's renewal (the store part is not needed for what is checked). */
  @PostMapping("/renew")
  public String renew(@RequestParam String password) {
    return describe(signIn.renewAfterPasswordChange(password));
  }

  @PostMapping("/login")
  public ResponseEntity<String> login(@RequestParam String email, @RequestParam String password) {
    SignInResult result = signIn.signInWithPassword(email, password);
    return ResponseEntity.ok(describe(result));
  }

  @PostMapping("/login/token")
  public ResponseEntity<String> loginToken(@RequestParam String jwt) {
    return ResponseEntity.ok(describe(signIn.signInWithCustomerLoginJwt(jwt)));
  }

  @PostMapping("/logout")
  public String logout() {
    signIn.signOut();
    return "signed out";
  }

  /** A customer query with the shopper's context: an invalid CAT makes the client throw. */
  @GetMapping("/customer")
  public String customer() {
    CustomerContext context = sessions.customerContext();
    GraphQLResponse response =
        client.execute("query CustomerQuery { customer { email firstName } }", Map.of(), context);
    return "customer:" + response.data().path("customer").path("email").asString("none");
  }

  /** The store timing out. */
  @GetMapping("/upstream-down")
  public String upstreamDown() {
    sessions.auth();
    throw new StorefrontTimeoutException(
        "CustomerQuery", StorefrontTimeoutException.Phase.REQUEST, Duration.ofSeconds(1), null);
  }

  /** The store failing, handled by the page itself (it renders a notice with status 200). */
  @GetMapping("/upstream-handled")
  public String upstreamHandled() {
    sessions.auth();
    throw new StorefrontTransportException("CatalogQuery", "connection refused", null);
  }

  @ExceptionHandler(StorefrontTransportException.class)
  public String storeUnavailable() {
    return "store unavailable";
  }

  /** Creates an HTTP session on purpose: proves the tests' session counter works. */
  @GetMapping("/session-probe")
  public String sessionProbe(jakarta.servlet.http.HttpServletRequest request) {
    return "session " + request.getSession(true).getId().length();
  }

  /** Creates an HTTP session, then encodes a link and a redirect as a page would. */
  @GetMapping("/encoded-links")
  public String encodedLinks(
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    request.getSession(true);
    return response.encodeURL("/cart") + " " + response.encodeRedirectURL("/account");
  }

  @GetMapping("/redirect")
  public ResponseEntity<Void> redirect(@RequestParam(required = false) String to) {
    return ResponseEntity.status(302).header("Location", SafeRedirects.pathAndQuery(to)).build();
  }

  private static String describe(SignInResult result) {
    if (result instanceof SignInResult.Success success) {
      return "success firstName="
          + success.firstName()
          + " cart="
          + success.cart()
          + " redirectTo="
          + success.redirectTo();
    }
    SignInResult.Failure failure = (SignInResult.Failure) result;
    return "failure " + failure.reason() + ": " + failure.message();
  }
}
