package dev.storefrontsession.core.internal;

import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionSecret;
import java.util.List;

/**
 * The derived keys of every secret of a key ring for one cookie name (the HKDF salt), newest first.
 * A256CBC-HS512 keys are derived up front; A256GCM keys (decode only, rare) on first use.
 * Thread-safe.
 */
public final class CookieKeys {

  private final List<SessionSecret> secrets;
  private final String cookieName;
  private final ContentKey[] cbc;
  private volatile ContentKey[] gcm;

  public CookieKeys(KeyRing keyRing, String cookieName) {
    this.secrets = keyRing.secrets();
    this.cookieName = cookieName;
    this.cbc = new ContentKey[secrets.size()];
    for (int i = 0; i < cbc.length; i++) {
      cbc[i] = ContentKey.derive(secrets.get(i), cookieName, ContentKey.Enc.A256CBC_HS512);
    }
  }

  /** The key that encodes: the newest secret's A256CBC-HS512 key. */
  public ContentKey newest() {
    return cbc[0];
  }

  /** The A256CBC-HS512 keys, newest first (do not modify). */
  ContentKey[] cbcKeys() {
    return cbc;
  }

  /** The keys for {@code enc}, newest first (do not modify). */
  public ContentKey[] keys(ContentKey.Enc enc) {
    if (enc == ContentKey.Enc.A256CBC_HS512) {
      return cbc;
    }
    ContentKey[] keys = gcm;
    if (keys == null) {
      keys = new ContentKey[secrets.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = ContentKey.derive(secrets.get(i), cookieName, ContentKey.Enc.A256GCM);
      }
      gcm = keys;
    }
    return keys;
  }

  /**
   * Auth.js's key resolver: no {@code kid} → the newest secret's key; a {@code kid} → the key whose
   * thumbprint equals it; else null.
   *
   * @param hasKid whether the header has a {@code kid} member at all
   * @param kid its value (any JSON value)
   */
  public ContentKey resolve(ContentKey.Enc enc, boolean hasKid, Object kid) {
    ContentKey[] keys = keys(enc);
    if (!hasKid) {
      return keys[0];
    }
    for (ContentKey key : keys) {
      if (key.kid().equals(kid)) {
        return key;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "CookieKeys[" + cookieName + ", <redacted>]";
  }
}
