package dev.storefrontsession.sandbox;

import java.time.Instant;

/**
 * A password-reset message the sandbox would have mailed: who it is for and the link parts a
 * storefront's "change password" page receives ({@code ?c=<customerEntityId>&t=<token>}).
 *
 * @param email the customer's email
 * @param customerEntityId the customer's id
 * @param token the one-time reset token (a secret: {@link #toString()} hides it)
 * @param path the storefront path requested in {@code requestResetPassword(input: {path})}, or null
 * @param sentAt when it was issued
 */
public record PasswordResetMessage(
    String email, long customerEntityId, String token, String path, Instant sentAt) {
  @Override
  public String toString() {
    return "PasswordResetMessage[email="
        + email
        + ", customerEntityId="
        + customerEntityId
        + ", token=<redacted>, path="
        + path
        + ", sentAt="
        + sentAt
        + "]";
  }
}
