package dev.storefrontsession.sandbox.internal.service;

import dev.storefrontsession.sandbox.internal.ApiException;
import dev.storefrontsession.sandbox.internal.auth.CustomerAccessTokens;
import dev.storefrontsession.sandbox.internal.auth.CustomerLoginJwtVerifier;
import dev.storefrontsession.sandbox.internal.auth.IssuedToken;
import dev.storefrontsession.sandbox.internal.auth.LoginThrottle;
import dev.storefrontsession.sandbox.internal.auth.Passwords;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.CartView;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import dev.storefrontsession.sandbox.internal.store.CustomerRepository;
import dev.storefrontsession.sandbox.internal.store.Tx;
import java.time.Duration;
import java.util.Optional;

/** {@code login}, {@code loginWithCustomerLoginJwt} and {@code logout}. */
public final class LoginService {

  static final String INVALID_CREDENTIALS = "Invalid credentials";
  static final String RESET_REQUIRED =
      "The password of this account must be reset before it can log in. Reset password";
  static final String DEFAULT_JWT_REDIRECT = "/account.php";

  private final CustomerRepository customers;
  private final Passwords passwords;
  private final CustomerAccessTokens tokens;
  private final CustomerLoginJwtVerifier jwtVerifier;
  private final LoginThrottle throttle;
  private final CartService carts;
  private final Tx tx;
  private final boolean persistentCart;

  public LoginService(
      CustomerRepository customers,
      Passwords passwords,
      CustomerAccessTokens tokens,
      CustomerLoginJwtVerifier jwtVerifier,
      LoginThrottle throttle,
      CartService carts,
      Tx tx,
      boolean persistentCart) {
    this.customers = customers;
    this.passwords = passwords;
    this.tokens = tokens;
    this.jwtVerifier = jwtVerifier;
    this.throttle = throttle;
    this.carts = carts;
    this.tx = tx;
    this.persistentCart = persistentCart;
  }

  public Results.LoginResult login(
      String email, String password, String guestCartId, Requester requester) {
    LoginThrottle.Attempt attempt = throttle.begin(email, requester.clientIp());
    attempt
        .lockedFor()
        .ifPresent(
            wait -> {
              throw tooManyAttempts(wait);
            });
    Optional<CustomerRecord> found = customers.findByEmail(email);
    boolean ok =
        passwords.matches(
            password == null ? "" : password, found.map(CustomerRecord::passwordHash).orElse(null));
    if (!ok) {
      throw new ApiException(INVALID_CREDENTIALS, "INVALID_CREDENTIALS");
    }
    attempt.succeeded();
    CustomerRecord customer = found.get();
    if (customer.resetPasswordRequired()) {
      throw new ApiException(RESET_REQUIRED, "RESET_PASSWORD_REQUIRED");
    }
    return tx.run(
        () -> {
          if (requester.accessTokenHash() != null
              && customer.entityId() == requester.customerId()) {
            // signing in again on a device that holds a token of this customer replaces that token
            tokens.revoke(customer.entityId(), requester.accessTokenHash());
          }
          IssuedToken token = tokens.issue(customer.entityId());
          CartView cart =
              carts.assignOnLogin(customer.entityId(), guestCartId, requester.channelId());
          return new Results.LoginResult(
              "success",
              customer,
              cart,
              new Results.CustomerAccessToken(token.value(), token.expiresAt()));
        });
  }

  public Results.LoginWithCustomerLoginJwtResult loginWithJwt(
      String jwt, String guestCartId, Requester requester) {
    return tx.run(
        () -> {
          CustomerLoginJwtVerifier.Verified verified =
              jwtVerifier.verify(jwt, requester.clientIp(), requester.channelId());
          CustomerRecord customer =
              customers
                  .findById(verified.customerId())
                  .orElseThrow(
                      () ->
                          new ApiException(
                              "Invalid Customer Login JWT: customer "
                                  + verified.customerId()
                                  + " does not exist.",
                              "INVALID_CUSTOMER_LOGIN_JWT"));
          IssuedToken token = tokens.issue(customer.entityId(), verified.impersonatorId());
          CartView cart =
              carts.assignOnLogin(customer.entityId(), guestCartId, requester.channelId());
          String redirect =
              verified.redirectTo() == null || verified.redirectTo().isBlank()
                  ? DEFAULT_JWT_REDIRECT
                  : verified.redirectTo();
          return new Results.LoginWithCustomerLoginJwtResult(
              redirect,
              customer,
              cart,
              new Results.CustomerAccessToken(token.value(), token.expiresAt()));
        });
  }

  /**
   * The answer to an attempt refused by the throttle ({@code login}, {@code
   * customer.changePassword}): a GraphQL error with the code {@code TOO_MANY_LOGIN_ATTEMPTS}.
   */
  static ApiException tooManyAttempts(Duration wait) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    return new ApiException(
        "Too many failed login attempts. Please try again in "
            + minutes
            + (minutes == 1 ? " minute." : " minutes."),
        "TOO_MANY_LOGIN_ATTEMPTS");
  }

  /**
   * Revokes every token of the customer and, without persistent carts, hands the cart back as a
   * guest cart.
   */
  public Results.LogoutResult logout(String cartId, Requester requester) {
    if (requester.isGuest()) {
      throw new ApiException(
          "Customer is not logged in: send a valid customer access token to log out.",
          "CUSTOMER_NOT_LOGGED_IN");
    }
    return tx.run(
        () -> {
          tokens.revokeAll(requester.customerId());
          Results.CartUnassignResult unassign =
              carts.unassignOnLogout(
                  requester.customerId(), cartId, persistentCart, requester.channelId());
          return new Results.LogoutResult("success", unassign);
        });
  }
}
