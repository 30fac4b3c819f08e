package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.service.LoginService;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code login}, {@code loginWithCustomerLoginJwt}, {@code logout}. */
@Controller
public class AuthController {

  private final LoginService logins;

  public AuthController(LoginService logins) {
    this.logins = logins;
  }

  @MutationMapping
  public Results.LoginResult login(
      @Argument String email,
      @Argument String password,
      @Argument String guestCartEntityId,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return logins.login(email, password, guestCartEntityId, requester);
  }

  @MutationMapping
  public Results.LoginWithCustomerLoginJwtResult loginWithCustomerLoginJwt(
      @Argument String jwt,
      @Argument String guestCartEntityId,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return logins.loginWithJwt(jwt, guestCartEntityId, requester);
  }

  @MutationMapping
  public Results.LogoutResult logout(
      @Argument String cartEntityId, @ContextValue(name = Requester.KEY) Requester requester) {
    return logins.logout(cartEntityId, requester);
  }
}
