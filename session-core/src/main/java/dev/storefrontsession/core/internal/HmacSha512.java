package dev.storefrontsession.core.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA-512 (RFC 2104) with the hash states after the inner and outer padded key blocks computed
 * once per key and cloned per message. JCA's {@code Mac} re-hashes both key blocks on every
 * message; for a session token (about 600 bytes, five SHA-512 blocks) that is two of eight block
 * computations, measured at about a quarter of the MAC time. Thread-safe: the prototypes are never
 * updated, only cloned.
 */
public final class HmacSha512 {

  private static final int BLOCK = 128;
  public static final int LENGTH = 64;

  private final MessageDigest innerPrototype;
  private final MessageDigest outerPrototype;

  /**
   * @param key any length (the A256CBC-HS512 MAC key has 32 bytes); one longer than the 128-byte
   *     block is hashed first (RFC 2104, section 2)
   */
  public HmacSha512(byte[] key) {
    if (key.length > BLOCK) {
      key = sha512().digest(key);
    }
    byte[] ipad = new byte[BLOCK];
    byte[] opad = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      byte k = i < key.length ? key[i] : 0;
      ipad[i] = (byte) (k ^ 0x36);
      opad[i] = (byte) (k ^ 0x5c);
    }
    innerPrototype = sha512();
    innerPrototype.update(ipad);
    outerPrototype = sha512();
    outerPrototype.update(opad);
    Arrays.fill(ipad, (byte) 0);
    Arrays.fill(opad, (byte) 0);
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is missing from the JDK", e);
    }
  }

  /** A fresh inner hash, already keyed: feed the message, then {@link #finish}. */
  public MessageDigest start() {
    return copy(innerPrototype);
  }

  /**
   * A prototype inner hash that has already absorbed {@code prefix}: for messages that always start
   * the same way (a JWE's protected header is constant per key), {@link #start(MessageDigest)} then
   * skips hashing it.
   */
  public MessageDigest prefixed(byte[] prefix) {
    MessageDigest prototype = start();
    prototype.update(prefix);
    return prototype;
  }

  /** A fresh inner hash from a {@link #prefixed} prototype. */
  public MessageDigest start(MessageDigest prefixedPrototype) {
    return copy(prefixedPrototype);
  }

  private static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-512 digests of this JDK cannot be cloned", e);
    }
  }

  /**
   * Completes the MAC of the message fed to {@code inner}; writes 64 bytes to {@code out} at {@code
   * offset}.
   */
  public void finish(MessageDigest inner, byte[] out, int offset) {
    try {
      inner.digest(out, offset, LENGTH);
      MessageDigest outer = copy(outerPrototype);
      outer.update(out, offset, LENGTH);
      outer.digest(out, offset, LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("HMAC-SHA-512 failed", e);
    }
  }

  @Override
  public String toString() {
    return "HmacSha512[<redacted>]";
  }
}
