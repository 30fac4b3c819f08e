package dev.storefrontsession.core;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The secrets of a deployment, newest first, as Auth.js's {@code secret: [newest, ...older]}: the
 * newest encodes, every secret decodes a token whose {@code kid} matches it, and a token without
 * {@code kid} is tried with the newest only. Immutable and thread-safe; {@link #toString()} never
 * shows a secret.
 */
public final class KeyRing {

  private final List<SessionSecret> secrets;

  private KeyRing(List<SessionSecret> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /**
   * @param newest the secret that encodes, not empty
   * @param older older secrets still accepted on decode, newest first
   */
  public static KeyRing of(String newest, String... older) {
    List<SessionSecret> all = new ArrayList<>(1 + older.length);
    all.add(SessionSecret.of(newest));
    for (String secret : older) {
      all.add(SessionSecret.of(secret));
    }
    return new KeyRing(all);
  }

  /**
   * @param secrets newest first, at least one
   */
  public static KeyRing of(List<SessionSecret> secrets) {
    if (secrets == null || secrets.isEmpty() || secrets.contains(null)) {
      throw new IllegalArgumentException(
          "a key ring needs at least one secret and no null entries");
    }
    return new KeyRing(secrets);
  }

  /** The secret that encodes. */
  public SessionSecret newest() {
    return secrets.get(0);
  }

  /** Every secret, newest first (immutable). */
  public List<SessionSecret> secrets() {
    return secrets;
  }

  /**
   * The secrets as JavaScript's {@code String(secret)} renders Auth.js's secret option: a single
   * secret as is, an array joined with commas. Auth.js hashes CSRF tokens with this string.
   */
  public String authJsSecretString() {
    return secrets.size() == 1
        ? secrets.get(0).reveal()
        : secrets.stream().map(SessionSecret::reveal).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyRing that && secrets.equals(that.secrets);
  }

  @Override
  public int hashCode() {
    return secrets.size();
  }

  @Override
  public String toString() {
    return "<redacted>";
  }
}
