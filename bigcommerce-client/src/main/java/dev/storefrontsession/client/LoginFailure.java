package dev.storefrontsession.client;

/** Why a sign-in was refused, coarse enough to pick a form message. */
public enum LoginFailure {
  /** Unknown email or wrong password. */
  INVALID_CREDENTIALS,
  /** The account exists but must reset its password before signing in. */
  RESET_PASSWORD_REQUIRED,
  /** Rate limited: too many attempts from this shopper or for this account. */
  TOO_MANY_ATTEMPTS,
  /**
   * The Customer Login JWT is malformed, badly signed, expired, already used or for another store.
   */
  INVALID_LOGIN_TOKEN,
  /** Refused for another reason (the message says which). */
  OTHER
}
