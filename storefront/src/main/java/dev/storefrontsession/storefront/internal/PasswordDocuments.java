package dev.storefrontsession.storefront.internal;

/**
 * The Storefront GraphQL documents of the password journeys, named and shaped like Catalyst's
 * (change password in the account settings, forgot password, reset password from the emailed link).
 * Passwords and tokens always travel as variables, never inside the document.
 */
final class PasswordDocuments {

  private PasswordDocuments() {}

  static final String CHANGE_PASSWORD =
      """
            mutation ChangePasswordMutation($input: ChangePasswordInput!) {
              customer {
                changePassword(input: $input) {
                  errors { __typename ... on Error { message } }
                }
              }
            }
            """;

  static final String REQUEST_RESET_PASSWORD =
      """
            mutation RequestResetPasswordMutation($input: RequestResetPasswordInput!) {
              customer {
                requestResetPassword(input: $input) {
                  errors { __typename ... on Error { message } }
                }
              }
            }
            """;

  static final String RESET_PASSWORD =
      """
            mutation ResetPasswordMutation($input: ResetPasswordInput!) {
              customer {
                resetPassword(input: $input) {
                  errors { __typename ... on Error { message } }
                }
              }
            }
            """;
}
