package dev.storefrontsession.client;

import dev.storefrontsession.client.internal.LoginErrors;
import dev.storefrontsession.client.internal.SessionDocuments;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The session operations of {@link StorefrontClient} (login with a password or a Customer Login
 * JWT, logout) on top of its generic call; the client's public methods of the same names document
 * the contract. Thread-safe.
 */
final class SessionOperations {

  /**
   * The client's generic call, with the extra secrets (password, JWT) its errors must never show.
   */
  interface Call {
    GraphQLResponse execute(GraphQLRequest request, List<String> extraSecrets);
  }

  private final Call client;

  SessionOperations(Call client) {
    this.client = client;
  }

  /**
   * @param channelId the channel to sign in on, or null for the context's
   */
  CustomerLogin login(
      String email, String password, String guestCartId, CustomerContext context, Long channelId) {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("email is required");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("password is required");
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("email", email.trim());
    variables.put("password", password);
    if (guestCartId != null) {
      variables.put("cartEntityId", guestCartId);
    }
    GraphQLRequest request =
        GraphQLRequest.builder(SessionDocuments.LOGIN)
            .variables(variables)
            .context(context)
            .channelId(channelId)
            .validateCustomerAccessToken(false)
            .errorPolicy(ErrorPolicy.ALL)
            .build();
    GraphQLResponse response = loginCall(request, List.of(password), false);
    return toLogin(response, response.data().path("login"), guestCartId, null, false);
  }

  CustomerLogin loginWithCustomerLoginJwt(String jwt, String guestCartId, CustomerContext context) {
    CustomerLoginJwt.UnverifiedClaims claims;
    try {
      claims = CustomerLoginJwt.readUnverified(jwt);
    } catch (IllegalArgumentException e) {
      throw new LoginFailedException(
          "LoginWithCustomerLoginJwtMutation",
          LoginFailure.INVALID_LOGIN_TOKEN,
          LoginErrors.describe(LoginFailure.INVALID_LOGIN_TOKEN) + ": " + e.getMessage(),
          List.of(),
          null);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("jwt", jwt.trim());
    if (guestCartId != null) {
      variables.put("cartEntityId", guestCartId);
    }
    GraphQLRequest request =
        GraphQLRequest.builder(SessionDocuments.LOGIN_WITH_JWT)
            .variables(variables)
            .context(context.asGuest())
            .channelId(claims.channelId())
            .errorPolicy(ErrorPolicy.ALL)
            .build();
    GraphQLResponse response = loginCall(request, List.of(jwt.trim()), true);
    JsonNode result = response.data().path("loginWithCustomerLoginJwt");
    String redirectTo = text(result.path("redirectTo"));
    return toLogin(
        response, result, guestCartId, redirectTo != null ? redirectTo : claims.redirectTo(), true);
  }

  CustomerLogout logout(CustomerAccessToken accessToken, String cartId, CustomerContext context) {
    Objects.requireNonNull(accessToken, "accessToken");
    Map<String, Object> variables = new LinkedHashMap<>();
    if (cartId != null) {
      variables.put("cartEntityId", cartId);
    }
    GraphQLRequest request =
        GraphQLRequest.builder(SessionDocuments.LOGOUT)
            .variables(variables)
            .context(context.asCustomer(accessToken))
            .build();
    GraphQLResponse response = client.execute(request, List.of());
    JsonNode logout = response.data().path("logout");
    return new CustomerLogout(
        text(logout.path("result")),
        text(logout.path("cartUnassignResult").path("cart").path("entityId")));
  }

  private GraphQLResponse loginCall(GraphQLRequest request, List<String> secrets, boolean jwt) {
    GraphQLResponse response;
    try {
      response = client.execute(request, secrets);
    } catch (StorefrontApiException e) {
      if (e.isRateLimited()) {
        throw new LoginFailedException(
            e.operationName(),
            LoginFailure.TOO_MANY_ATTEMPTS,
            LoginErrors.describe(LoginFailure.TOO_MANY_ATTEMPTS),
            e.errors(),
            e);
      }
      throw e;
    }
    if (response.hasErrors()) {
      LoginFailure reason = LoginErrors.classify(response.errors(), jwt);
      throw new LoginFailedException(
          response.operationName(),
          reason,
          LoginErrors.describe(reason)
              + " ("
              + StorefrontGraphQLException.describe(response.operationName(), response.errors())
              + ")",
          response.errors(),
          null);
    }
    return response;
  }

  private CustomerLogin toLogin(
      GraphQLResponse response,
      JsonNode result,
      String guestCartId,
      String redirectTo,
      boolean jwt) {
    JsonNode token = result.path("customerAccessToken");
    JsonNode customer = result.path("customer");
    String value = text(token.path("value"));
    if (value == null || !customer.isObject() || !customer.path("entityId").isNumber()) {
      LoginFailure reason = jwt ? LoginFailure.INVALID_LOGIN_TOKEN : LoginFailure.OTHER;
      throw new LoginFailedException(
          response.operationName(),
          reason,
          LoginErrors.describe(reason)
              + ": no customer access token or customer in the answer (a server-to-server storefront token is needed)",
          List.of(),
          null);
    }
    Instant expiresAt;
    try {
      String raw = text(token.path("expiresAt"));
      expiresAt = raw == null ? null : Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new MalformedResponseException(
          response.operationName(),
          200,
          "customerAccessToken.expiresAt is not an ISO-8601 instant",
          "",
          e);
    }
    Customer who =
        new Customer(
            customer.path("entityId").longValue(),
            text(customer.path("firstName")),
            text(customer.path("lastName")),
            text(customer.path("email")));
    return new CustomerLogin(
        new CustomerAccessToken(value, expiresAt),
        who,
        text(result.path("cart").path("entityId")),
        guestCartId,
        redirectTo);
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.stringValue() : node.isNumber() ? node.asString() : null;
  }
}
