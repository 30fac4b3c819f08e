package dev.storefrontsession.spring;

/**
 * Signs the current shopper in and out against the store. Works on the request being served by the
 * calling thread; cookies are written on its response.
 */
public interface ShopperSignIn {

  /**
   * Signs in with email and password, passing the guest cart so the store can assign or merge it.
   * On success the session cookie is set and the anonymous session is cleared; on failure nothing
   * changes.
   */
  SignInResult signInWithPassword(String email, String password);

  /**
   * Signs in with a Customer Login API JWT (SSO). On success {@link
   * SignInResult.Success#redirectTo()} is the JWT's {@code redirect_to} reduced to a path on this
   * storefront (default {@code /account/orders}).
   */
  SignInResult signInWithCustomerLoginJwt(String jwt);

  /**
   * Keeps the signed-in shopper signed in after they changed their password: signs in again with
   * the session's email and the new password (the Storefront API hands out customer access tokens
   * only on login), sending the current token so that a store that retires it can, and puts the
   * fresh token in the session with the same cart. On failure (store unreachable, throttled) the
   * session stays as it was.
   */
  SignInResult renewAfterPasswordChange(String newPassword);

  /**
   * Signs out: the store's logout mutation with the CAT, the session cookie cleared, and a new
   * anonymous session holding the cart the store hands back (none when the store keeps it with the
   * customer). When the store cannot be reached or no longer accepts the CAT, the sign-out still
   * happens and the session's cart id is kept. Without a session nothing changes.
   */
  void signOut();
}
