package dev.storefrontsession.core.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import org.jspecify.annotations.Nullable;

/**
 * The reusable, not thread-safe JCA objects and buffers of one operation in flight: an AES-CBC
 * cipher (the JDK keeps the last AES key schedule, so one key per codec costs no key expansion), a
 * JSON buffer, a scratch buffer and a buffer of random bytes refilled from a {@link SecureRandom}
 * in blocks (for IVs and {@code jti}s). Lent out by a {@link WorkspacePool}; never shared between
 * threads at the same time.
 */
public final class CryptoWorkspace {

  private static final int RANDOM_BLOCK = 1024;

  private final Cipher aesCbc;
  private final JsonOutput json = new JsonOutput(1024);
  private final byte[] random = new byte[RANDOM_BLOCK];
  private final SecureRandom secureRandom;
  private int randomUsed = RANDOM_BLOCK;
  private byte[] scratch = new byte[2048];
  private @Nullable MessageDigest sha256;

  public CryptoWorkspace(SecureRandom secureRandom) {
    this.secureRandom = secureRandom;
    try {
      this.aesCbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC/PKCS5Padding is missing from the JDK", e);
    }
  }

  public Cipher aesCbc() {
    return aesCbc;
  }

  public JsonOutput json() {
    json.reset();
    return json;
  }

  /** A SHA-256 digest of this workspace (for {@link DecodedTokens#key}). */
  public MessageDigest sha256() {
    MessageDigest digest = sha256;
    if (digest == null) {
      digest = DecodedTokens.newDigest();
      sha256 = digest;
    }
    return digest;
  }

  /** A scratch buffer of at least {@code size} bytes (contents undefined). */
  public byte[] scratch(int size) {
    if (scratch.length < size) {
      scratch = new byte[Math.max(size, scratch.length * 2)];
    }
    return scratch;
  }

  /** Fills {@code dst[off, off+len)} with fresh random bytes; {@code len} at most 1024. */
  public void nextRandom(byte[] dst, int off, int len) {
    if (randomUsed + len > RANDOM_BLOCK) {
      secureRandom.nextBytes(random);
      randomUsed = 0;
    }
    System.arraycopy(random, randomUsed, dst, off, len);
    // Never hand out the same bytes twice.
    java.util.Arrays.fill(random, randomUsed, randomUsed + len, (byte) 0);
    randomUsed += len;
  }
}
