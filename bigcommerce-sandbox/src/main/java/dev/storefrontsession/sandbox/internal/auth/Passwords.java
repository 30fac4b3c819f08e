package dev.storefrontsession.sandbox.internal.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt hashing. Unknown-email logins still run one bcrypt check so timing does not reveal which
 * emails exist.
 */
public final class Passwords {

  private final BCryptPasswordEncoder encoder;
  private final String dummyHash;

  public Passwords(int cost) {
    this.encoder = new BCryptPasswordEncoder(cost);
    // A well-formed hash of the same cost that no password matches: checking against it costs a
    // full bcrypt run
    // like a real check. Written out rather than computed, so that start-up spends no bcrypt round
    // on it.
    this.dummyHash = String.format("$2a$%02d$", cost) + "sandboxtimingequaliser" + ".".repeat(31);
  }

  public String hash(String password) {
    return encoder.encode(password);
  }

  /**
   * Constant-time check of a password against a stored hash (null hash = unknown customer, always
   * false).
   */
  public boolean matches(String password, String hash) {
    if (hash == null) {
      encoder.matches(password, dummyHash);
      return false;
    }
    return encoder.matches(password, hash);
  }

  /** The hash unknown-customer checks run against (for tests: it must be a hash bcrypt accepts). */
  String dummyHash() {
    return dummyHash;
  }
}
