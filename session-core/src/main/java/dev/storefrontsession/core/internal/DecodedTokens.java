package dev.storefrontsession.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.storefrontsession.core.SessionClaims;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Tokens a codec has decrypted, verified and parsed, by the SHA-256 of the cookie name and the
 * whole token: a browser sends the same cookie with every request until it is re-issued, and
 * looking it up costs a hash where a decode costs AES, HMAC-SHA-512 and a JSON parse.
 *
 * <p>Safe by construction: an entry is found only by presenting the very token (and cookie name)
 * that was decoded, so it holds nothing its presenter did not already send; only verified tokens
 * enter; the time checks ({@code nbf}, {@code exp}) still run on every use; entries live at most
 * the given time and the number held is bounded (least recently and least frequently used go
 * first), so memory does not grow with the number of shoppers. Comparing digests is not a timing
 * oracle for the token (a digest reveals nothing of its input). Thread-safe.
 */
public final class DecodedTokens {

  /** The parsed claims of a verified token with its time claims (null when absent). */
  public record Entry(SessionClaims claims, @Nullable Double nbf, @Nullable Double exp) {}

  /**
   * The SHA-256 of cookie name and token, as four longs. Equality and hash are written out: the
   * generated ones of a record went through method handles that showed in profiles of every
   * signed-in request (JDK 17); any 32 bits of a digest are as good a hash as all of them.
   */
  public record Key(long a, long b, long c, long d) {
    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Key k && a == k.a && b == k.b && c == k.c && d == k.d;
    }

    @Override
    public int hashCode() {
      return (int) a;
    }
  }

  private final Cache<Key, Entry> entries;

  /**
   * @param maxEntries at most this many tokens held, positive
   * @param ttl each held at most this long after it was decoded, positive
   */
  public DecodedTokens(int maxEntries, Duration ttl) {
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
    }
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
  }

  /** The key of {@code token} read from the cookie {@code cookieName}. */
  public static Key key(MessageDigest sha256, String cookieName, String token) {
    sha256.reset();
    sha256.update(cookieName.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0);
    sha256.update(token.getBytes(StandardCharsets.UTF_8));
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
    return new Key(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
  }

  /** A new SHA-256 digest for {@link #key}. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** The entry held for {@code key}, or null. */
  public @Nullable Entry get(Key key) {
    return entries.getIfPresent(key);
  }

  public void put(Key key, Entry entry) {
    entries.put(key, entry);
  }

  /** How many entries are held now (approximate; for tests and meters). */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
