package dev.storefrontsession.spring.internal;

import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.CustomerLogin;
import dev.storefrontsession.client.CustomerLoginJwt;
import dev.storefrontsession.client.CustomerLogout;
import dev.storefrontsession.client.LoginFailedException;
import dev.storefrontsession.client.StorefrontApiException;
import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.client.StorefrontException;
import dev.storefrontsession.core.ChannelCarts;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.spring.SafeRedirects;
import dev.storefrontsession.spring.ShopperSessionEvents.SignInMethod;
import dev.storefrontsession.spring.ShopperSessionEvents.SignOutOutcome;
import dev.storefrontsession.spring.ShopperSignIn;
import dev.storefrontsession.spring.SignInResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password and Customer Login JWT sign-in and sign-out against the store, as Catalyst's {@code
 * authorize} callbacks and {@code events.signOut}: the guest cart is passed to the login mutation,
 * the session cookie gets Catalyst's claims (plus the CAT's expiry), the anonymous session is
 * cleared; sign-out revokes the CAT and keeps the cart the store hands back in a new anonymous
 * session. Thread-safe (stateless).
 */
public final class DefaultShopperSignIn implements ShopperSignIn {

  /** Where an SSO sign-in lands when the JWT names no target (Catalyst's default). */
  public static final String DEFAULT_SSO_REDIRECT = "/account/orders";

  private static final Logger log = LoggerFactory.getLogger(DefaultShopperSignIn.class);
  private static final Pattern CART_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final StorefrontClient client;
  private final RequestOrigins origins;
  private final RequestChannels channels;

  public DefaultShopperSignIn(
      StorefrontClient client, RequestOrigins origins, RequestChannels channels) {
    this.client = client;
    this.origins = origins;
    this.channels = channels;
  }

  @Override
  public SignInResult signInWithPassword(String email, String password) {
    return signInWithPassword(email, password, null);
  }

  /**
   * As {@link #signInWithPassword(String, String)}; {@code fallbackCartId} (the {@code cartId}
   * field Catalyst's client posts) is used only when the shopper's cookies hold no cart.
   */
  public SignInResult signInWithPassword(String email, String password, String fallbackCartId) {
    return signInWithPassword(email, password, fallbackCartId, null);
  }

  /**
   * As {@link #signInWithPassword(String, String, String)} on channel {@code channelId} (Catalyst's
   * optional {@code channelId} credential: the channel the shopper signs in on) when it is a
   * channel id, else on the request's channel: that channel's guest cart goes to the login and gets
   * the returned cart.
   */
  public SignInResult signInWithPassword(
      String email, String password, String fallbackCartId, String channelId) {
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      return new SignInResult.Failure(
          SignInResult.Reason.INVALID_CREDENTIALS, "Enter your email and password.");
    }
    HttpServletRequest request = CurrentRequest.get();
    ShopperRequestState state = ShopperRequestState.of(request);
    Long explicit = channelIdOrNull(channelId);
    String channel = explicit != null ? explicit.toString() : state.channelId();
    String guestCart = guestCart(state, channel, fallbackCartId);
    try {
      CustomerLogin login = client.login(email, password, guestCart, context(request), explicit);
      return succeed(state, SignInMethod.PASSWORD, state.carts(), channel, login, "/", null);
    } catch (RuntimeException e) {
      return fail(state, SignInMethod.PASSWORD, e);
    }
  }

  @Override
  public SignInResult signInWithCustomerLoginJwt(String jwt) {
    return signInWithCustomerLoginJwt(jwt, null);
  }

  /**
   * As {@link #signInWithCustomerLoginJwt(String)} with a fallback guest cart (see the password
   * variant).
   */
  public SignInResult signInWithCustomerLoginJwt(String jwt, String fallbackCartId) {
    if (jwt == null || jwt.isBlank()) {
      return new SignInResult.Failure(SignInResult.Reason.INVALID_TOKEN, LOGIN_LINK_INVALID);
    }
    HttpServletRequest request = CurrentRequest.get();
    ShopperRequestState state = ShopperRequestState.of(request);
    try {
      // Catalyst takes the target from the JWT's own redirect_to claim (default /account/orders),
      // not from the
      // mutation's redirectTo, which BigCommerce fills with a Stencil page when the claim is absent
      CustomerLoginJwt.UnverifiedClaims unverified;
      try {
        unverified = CustomerLoginJwt.readUnverified(jwt);
      } catch (IllegalArgumentException malformed) {
        state.settings().events().signInFailed(SignInMethod.JWT, SignInResult.Reason.INVALID_TOKEN);
        return new SignInResult.Failure(SignInResult.Reason.INVALID_TOKEN, LOGIN_LINK_INVALID);
      }
      CustomerContext context = context(request);
      // the client sends the login to the JWT's channel_id when it has one: that channel's guest
      // cart goes along
      // and gets the returned cart, so a guest cart of another channel is never merged into this
      // one
      String channel = channels.channelId(unverified.channelId(), context);
      String guestCart = guestCart(state, channel, fallbackCartId);
      CustomerLogin login = client.loginWithCustomerLoginJwt(jwt, guestCart, context);
      // the store has verified this very JWT, so its impersonator_id is the staff member's ("login
      // as customer");
      // Catalyst reads it and then drops it, here it stays in the session
      Long impersonatorId = unverified.impersonatorId();
      if (impersonatorId != null) {
        log.info(
            "Store staff {} signed in as customer {} (login as customer)",
            impersonatorId,
            login.customer().entityId());
      }
      return succeed(
          state,
          SignInMethod.JWT,
          state.carts(),
          channel,
          login,
          SafeRedirects.pathAndQuery(unverified.redirectTo(), DEFAULT_SSO_REDIRECT),
          impersonatorId);
    } catch (RuntimeException e) {
      return fail(state, SignInMethod.JWT, e);
    }
  }

  @Override
  public SignInResult renewAfterPasswordChange(String newPassword) {
    HttpServletRequest request = CurrentRequest.get();
    ShopperRequestState state = ShopperRequestState.of(request);
    Optional<SessionClaims> session = state.session();
    Optional<CustomerAccessToken> cat =
        session.flatMap(SessionClaims::user).flatMap(SessionUser::customerAccessToken);
    String email = session.map(SessionClaims::email).orElse(null);
    if (cat.isEmpty()
        || email == null
        || email.isBlank()
        || newPassword == null
        || newPassword.isEmpty()) {
      return new SignInResult.Failure(
          SignInResult.Reason.INVALID_CREDENTIALS, "No signed-in shopper to renew.");
    }
    if (session.get().impersonatorId() != null) {
      // a password sign-in would turn a staff member's "login as customer" into the customer's own
      // session
      return new SignInResult.Failure(
          SignInResult.Reason.INVALID_CREDENTIALS,
          "Not allowed while store staff are signed in as this customer.");
    }
    String channel = state.channelId();
    ChannelCarts carts = ShopperRequestState.cartsOf(session.get());
    try {
      CustomerLogin login =
          client.login(
              email,
              newPassword,
              state.cartId(channel).orElse(null),
              context(request).asCustomer(ClientTokens.toClient(cat.get())));
      return succeed(state, SignInMethod.RENEWAL, carts, channel, login, "/", null);
    } catch (RuntimeException e) {
      return fail(state, SignInMethod.RENEWAL, e);
    }
  }

  @Override
  public void signOut() {
    HttpServletRequest request = CurrentRequest.get();
    ShopperRequestState state = ShopperRequestState.of(request);
    Optional<SessionClaims> session = state.session();
    if (session.isEmpty()) {
      return;
    }
    // the logout mutation gets this channel's cart (Catalyst's cartIdForLogout); other channels'
    // carts stay in the
    // new anonymous session
    String channel = state.channelId();
    ChannelCarts carts = ShopperRequestState.cartsOf(session.get());
    String cartId = carts.forLogout(channel);
    // when the store cannot answer, the shopper keeps the cart id rather than lose it
    String keptCart = cartId;
    Optional<CustomerAccessToken> cat =
        session.get().user().flatMap(SessionUser::customerAccessToken);
    SignOutOutcome outcome = SignOutOutcome.NO_TOKEN;
    if (cat.isPresent()) {
      try {
        CustomerLogout logout =
            client.logout(ClientTokens.toClient(cat.get()), cartId, context(request));
        keptCart = logout.unassignedCartId();
        outcome = SignOutOutcome.REVOKED;
      } catch (StorefrontAuthException e) {
        log.info(
            "Signing out a shopper whose customer access token the store no longer accepts ({})",
            e.code());
        outcome = SignOutOutcome.TOKEN_INVALID;
      } catch (StorefrontException e) {
        log.warn(
            "The store's logout failed ({}); the shopper is signed out here anyway",
            e.getClass().getSimpleName());
        state.markUpstreamFailure();
        outcome = SignOutOutcome.STORE_UNAVAILABLE;
      }
    }
    state.signOut(carts.remove(channel).assign(channel, keptCart));
    state.settings().events().signedOut(outcome);
  }

  /** A channel id given as text (1 to 18 digits, positive), else null. */
  private static Long channelIdOrNull(String channelId) {
    if (channelId == null
        || channelId.isEmpty()
        || channelId.length() > 18
        || !channelId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    long id = Long.parseLong(channelId);
    return id > 0 ? id : null;
  }

  private static String guestCart(
      ShopperRequestState state, String channel, String fallbackCartId) {
    Optional<String> fromCookies = state.cartId(channel);
    if (fromCookies.isPresent()) {
      return fromCookies.get();
    }
    if (fallbackCartId != null
        && !"undefined".equals(fallbackCartId)
        && CART_ID.matcher(fallbackCartId).matches()) {
      return fallbackCartId;
    }
    return null;
  }

  private CustomerContext context(HttpServletRequest request) {
    return DefaultShopperSessions.withRequest(CustomerContext.guest(), request, origins);
  }

  /**
   * Signs the shopper in with the login's token; the session's carts are {@code before} with the
   * returned cart as the cart of {@code channel} (Catalyst's {@code cartsAfterLogin}): other
   * channels keep theirs.
   *
   * @param impersonatorId the staff member signed in as the customer, or null
   */
  private static SignInResult succeed(
      ShopperRequestState state,
      SignInMethod method,
      ChannelCarts before,
      String channel,
      CustomerLogin login,
      String redirectTo,
      Long impersonatorId) {
    String first = login.customer().firstName();
    String last = login.customer().lastName();
    String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    SessionUser user =
        SessionUser.builder()
            .customerAccessToken(ClientTokens.toCore(login.accessToken()))
            .carts(before.afterLogin(channel, login.cartId()))
            .firstName(first)
            .lastName(last)
            .build();
    SessionClaims claims =
        SessionClaims.builder()
            .name(name.isEmpty() ? null : name)
            .email(login.customer().email())
            .sub(UUID.randomUUID().toString())
            .user(user)
            .impersonatorId(impersonatorId)
            .build();
    state.signIn(claims);
    state.settings().events().signedIn(method, login.customer().entityId());
    SignInResult.CartOutcome cart =
        switch (login.cartOutcome()) {
          case RESTORED -> SignInResult.CartOutcome.RESTORED;
          case COMBINED -> SignInResult.CartOutcome.COMBINED;
          case NONE, ASSIGNED -> SignInResult.CartOutcome.NONE;
        };
    return new SignInResult.Success(first, cart, redirectTo);
  }

  private static final String LOGIN_LINK_INVALID =
      "Your login link is invalid or has expired. Please try logging in again.";

  private static SignInResult fail(
      ShopperRequestState state, SignInMethod method, RuntimeException e) {
    SignInResult.Failure failure = failure(e);
    state.settings().events().signInFailed(method, failure.reason());
    if (failure.reason() == SignInResult.Reason.UPSTREAM_UNAVAILABLE) {
      state.markUpstreamFailure();
    }
    return failure;
  }

  private static SignInResult.Failure failure(RuntimeException e) {
    if (e instanceof LoginFailedException failed) {
      return switch (failed.reason()) {
        case INVALID_CREDENTIALS, OTHER ->
            new SignInResult.Failure(
                SignInResult.Reason.INVALID_CREDENTIALS,
                "The email address or password is incorrect.");
        case RESET_PASSWORD_REQUIRED ->
            new SignInResult.Failure(
                SignInResult.Reason.RESET_PASSWORD_REQUIRED,
                "Your password must be reset before you can sign in. Use \"Forgot password\" to set a new one.");
        case TOO_MANY_ATTEMPTS ->
            new SignInResult.Failure(
                SignInResult.Reason.TOO_MANY_ATTEMPTS,
                "Too many sign-in attempts. Please wait a few minutes and try again.");
        case INVALID_LOGIN_TOKEN ->
            new SignInResult.Failure(SignInResult.Reason.INVALID_TOKEN, LOGIN_LINK_INVALID);
      };
    }
    if (e instanceof StorefrontApiException api && api.isRateLimited()) {
      return new SignInResult.Failure(
          SignInResult.Reason.TOO_MANY_ATTEMPTS,
          "Too many sign-in attempts. Please wait a few minutes and try again.");
    }
    if (e instanceof StorefrontException) {
      log.warn("Sign-in failed upstream ({}: {})", e.getClass().getSimpleName(), e.getMessage());
      return new SignInResult.Failure(
          SignInResult.Reason.UPSTREAM_UNAVAILABLE,
          "The store is not reachable right now. Please try again in a moment.");
    }
    if (e instanceof IllegalArgumentException) {
      return new SignInResult.Failure(
          SignInResult.Reason.INVALID_CREDENTIALS, "The email address or password is incorrect.");
    }
    throw e;
  }
}
