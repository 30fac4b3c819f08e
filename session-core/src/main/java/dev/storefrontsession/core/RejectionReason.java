package dev.storefrontsession.core;

/**
 * Why a session token was not accepted. The descriptions never contain the token or a secret, so
 * they are safe to log.
 */
public enum RejectionReason {
  /**
   * Not a compact JWE of five base64url parts, a bad header, an oversized cookie, or a non-empty
   * encrypted key.
   */
  MALFORMED("the token is not a well-formed compact JWE"),
  /**
   * The header asks for something other than {@code dir} with {@code A256CBC-HS512} or {@code
   * A256GCM}.
   */
  UNSUPPORTED_ALGORITHM(
      "the token uses an algorithm, encryption, compression or critical header that is not allowed"),
  /** The {@code kid} names no secret of the key ring (Auth.js: "no matching decryption secret"). */
  NO_MATCHING_KEY("no secret of the key ring matches the token's key id"),
  /**
   * The authentication tag did not verify (tampered, or made with another secret or cookie name).
   */
  DECRYPTION_FAILED("the token did not decrypt: wrong secret or cookie name, or tampered"),
  /** {@code exp} is at or before now minus the 15 s clock skew. */
  EXPIRED("the token has expired"),
  /**
   * The payload is not a JSON object in well-formed UTF-8 (or nests deeper than this implementation
   * reads), a time claim is not a number, {@code nbf} is in the future, or a claim replicated in
   * the header differs.
   */
  INVALID_CLAIMS("the token's claims are invalid");

  private final String description;

  RejectionReason(String description) {
    this.description = description;
  }

  /** A one-line, log-safe explanation. */
  public String description() {
    return description;
  }
}
