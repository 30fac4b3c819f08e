package dev.storefrontsession.sandbox.internal.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt hashing. Unknown-email logins still run one bcrypt check so timing does not reveal which emails exist. */
public final class Passwords {

  private final BCryptPasswordEncoder encoder;
  private final String dummyHash;

  public Passwords(int cost) {
    this.encoder = new BCryptPasswordEncoder(cost);
    this.dummyHash = encoder.encode("sandbox-timing-equaliser");
  }

  public String hash(String password) {
    return encoder.encode(password);
  }

  /** Constant-time check of a password against a stored hash (null hash = unknown customer, always false). */
  public boolean matches(String password, String hash) {
    if (hash == null) {
      encoder.matches(password, dummyHash);
      return false;
    }
    return encoder.matches(password, hash);
  }
}
