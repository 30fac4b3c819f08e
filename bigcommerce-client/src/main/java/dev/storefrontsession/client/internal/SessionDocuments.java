package dev.storefrontsession.client.internal;

/**
 * The GraphQL documents of the session operations (same selections as Catalyst's, plus the token's
 * expiry).
 */
public final class SessionDocuments {

  private SessionDocuments() {}

  public static final String LOGIN =
      """
            mutation LoginMutation($email: String!, $password: String!, $cartEntityId: String) {
              login(email: $email, password: $password, guestCartEntityId: $cartEntityId) {
                customerAccessToken {
                  value
                  expiresAt
                }
                customer {
                  entityId
                  firstName
                  lastName
                  email
                }
                cart {
                  entityId
                }
              }
            }""";

  public static final String LOGIN_WITH_JWT =
      """
            mutation LoginWithCustomerLoginJwtMutation($jwt: String!, $cartEntityId: String) {
              loginWithCustomerLoginJwt(jwt: $jwt, guestCartEntityId: $cartEntityId) {
                customerAccessToken {
                  value
                  expiresAt
                }
                customer {
                  entityId
                  firstName
                  lastName
                  email
                }
                cart {
                  entityId
                }
                redirectTo
              }
            }""";

  public static final String LOGOUT =
      """
            mutation LogoutMutation($cartEntityId: String) {
              logout(cartEntityId: $cartEntityId) {
                result
                cartUnassignResult {
                  cart {
                    entityId
                  }
                }
              }
            }""";
}
