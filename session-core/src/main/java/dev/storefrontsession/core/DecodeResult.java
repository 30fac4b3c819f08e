package dev.storefrontsession.core;

import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link SessionCodec#decode}: the claims, or why the token was rejected. */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Rejected {

  /** The claims if decoded, else empty. */
  default Optional<SessionClaims> decodedClaims() {
    return this instanceof Decoded decoded ? Optional.of(decoded.claims()) : Optional.empty();
  }

  /** True for {@link Decoded}. */
  default boolean isDecoded() {
    return this instanceof Decoded;
  }

  /** A token that decrypted, verified and passed the claim checks. */
  record Decoded(SessionClaims claims) implements DecodeResult {
    public Decoded {
      Objects.requireNonNull(claims, "claims");
    }
  }

  /** A token that was not accepted; the reason is safe to log. */
  record Rejected(RejectionReason reason) implements DecodeResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
