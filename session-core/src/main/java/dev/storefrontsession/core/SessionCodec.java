package dev.storefrontsession.core;

import dev.storefrontsession.core.internal.AuthJsJwe;
import dev.storefrontsession.core.internal.CookieKeys;
import dev.storefrontsession.core.internal.CryptoWorkspace;
import dev.storefrontsession.core.internal.DecodedTokens;
import dev.storefrontsession.core.internal.JsonOutput;
import dev.storefrontsession.core.internal.JsonParser;
import dev.storefrontsession.core.internal.JweRejection;
import dev.storefrontsession.core.internal.WorkspacePool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Encodes and decodes Auth.js v5 session tokens: compact JWE, {@code alg: "dir"}, {@code enc:
 * "A256CBC-HS512"}, the key derived with HKDF-SHA256 from the secret and the cookie name, {@code
 * kid} = RFC 7638 SHA-512 thumbprint. A Java service and a Next.js app that share {@code
 * AUTH_SECRET} read each other's cookies.
 *
 * <p>Encode sets {@code iat} (now), {@code exp} (now + maxAge) and {@code jti} (random UUIDv4), in
 * place when the claims already have them, else appended; every other claim is written unchanged
 * and in order. Decode accepts only {@code dir} with A256CBC-HS512 or A256GCM; a {@code kid}
 * selects among the key ring's secrets and a token without {@code kid} is tried with the newest
 * secret only (as Auth.js); the MAC is checked in constant time before decryption. The claims are
 * read exactly as {@code jose}'s {@code jwtDecrypt} reads them for Auth.js: well-formed UTF-8 (one
 * leading byte-order mark skipped), {@code JSON.parse}'s grammar, a JSON object, {@code iat},
 * {@code nbf} and {@code exp} numbers when present, {@code nbf} not after now and {@code exp} after
 * now, both with a {@link #CLOCK_SKEW} leeway, and claims replicated in the header equal; nothing
 * else about the claims is checked (see {@link SessionClaims} for claims of unexpected types).
 * Limits of this implementation: nesting deeper than {@link JsonParser#MAX_DEPTH} and tokens longer
 * than {@link #MAX_TOKEN_LENGTH} are refused. Decode never throws for any token: failures are
 * {@link DecodeResult.Rejected} with a reason.
 *
 * <p>Thread-safe. Derived keys are cached per (secret, cookie name) for the life of the codec. A
 * codec made by {@link #withDecodeCache} also remembers tokens it decoded (see there).
 */
public final class SessionCodec {

  /** Auth.js's default token and cookie lifetime: 30 days. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

  /** Leeway on {@code exp} and {@code nbf} (Auth.js's {@code clockTolerance}). */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(15);

  /** Tokens longer than this are refused without work (the chunked cookie limit, 64 KiB). */
  public static final int MAX_TOKEN_LENGTH = CookieChunker.MAX_TOTAL_LENGTH;

  private static final int MAX_CACHED_COOKIE_NAMES = 64;
  private static final long CLOCK_SKEW_SECONDS = CLOCK_SKEW.getSeconds();

  private final KeyRing keyRing;
  private final Clock clock;
  private final Map<String, CookieKeys> keysByCookieName = new ConcurrentHashMap<>();
  private final WorkspacePool workspaces;
  private final @Nullable DecodedTokens decoded;

  /**
   * @param keyRing the secrets, newest first (the newest encodes)
   * @param clock the time source for {@code iat}, {@code exp} and the expiry check
   */
  public SessionCodec(KeyRing keyRing, Clock clock) {
    this(keyRing, clock, null);
  }

  private SessionCodec(KeyRing keyRing, Clock clock, @Nullable DecodedTokens decoded) {
    this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.workspaces = WorkspacePool.withDefaultRandom();
    this.decoded = decoded;
  }

  /**
   * A codec with this one's keys and clock that remembers up to {@code maxEntries} tokens it
   * decoded, each for at most {@code ttl}: a token decoded again within that time is found by the
   * SHA-256 of its cookie name and its whole text instead of being decrypted and parsed again; its
   * {@code nbf} and {@code exp} are still checked against the clock on every decode, so every
   * decode answers as an uncached one would. Only tokens that decoded are held (rejections are
   * not), and only a caller presenting the same token finds them.
   *
   * @param maxEntries positive
   * @param ttl positive
   */
  public SessionCodec withDecodeCache(int maxEntries, Duration ttl) {
    return new SessionCodec(keyRing, clock, new DecodedTokens(maxEntries, ttl));
  }

  public KeyRing keyRing() {
    return keyRing;
  }

  public Clock clock() {
    return clock;
  }

  /** {@link #encode(SessionClaims, String, Duration)} with {@link #DEFAULT_MAX_AGE}. */
  public String encode(SessionClaims claims, String cookieName) {
    return encode(claims, cookieName, DEFAULT_MAX_AGE);
  }

  /**
   * Encrypts the claims for the cookie {@code cookieName} with the newest secret.
   *
   * @param claims the claims; {@code iat}, {@code exp}, {@code jti} are set here
   * @param cookieName the cookie the token goes into: the HKDF salt (e.g. {@code
   *     __Secure-authjs.session-token})
   * @param maxAge lifetime, whole seconds, not negative; {@code exp = now + maxAge}
   * @return the compact JWE (ASCII)
   */
  public String encode(SessionClaims claims, String cookieName, Duration maxAge) {
    return encode(claims, cookieName, maxAge, null);
  }

  /**
   * As {@link #encode(SessionClaims, String, Duration)}, with {@code exp} no later than {@code
   * notAfter} (an absolute session end): {@code exp = min(now + maxAge, notAfter)}, whole seconds,
   * from the same clock reading as {@code iat}.
   *
   * @param notAfter the latest expiry, or null for none
   */
  public String encode(SessionClaims claims, String cookieName, Duration maxAge, Instant notAfter) {
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative");
    }
    CookieKeys keys = keys(cookieName);
    long now = Math.floorDiv(clock.millis(), 1000L);
    long exp = now + maxAge.getSeconds();
    if (notAfter != null && notAfter.getEpochSecond() < exp) {
      exp = notAfter.getEpochSecond();
    }
    CryptoWorkspace workspace = workspaces.acquire();
    try {
      byte[] uuid = new byte[16];
      workspace.nextRandom(uuid, 0, 16);
      JsonOutput json = workspace.json();
      writeClaims(json, claims.members(), now, exp, uuidV4(uuid));
      return AuthJsJwe.encrypt(keys.newest(), json.buffer(), json.length(), workspace);
    } finally {
      workspaces.release(workspace);
    }
  }

  /**
   * Decrypts and checks a token read from the cookie {@code cookieName}.
   *
   * @param token the cookie value (joined when chunked, URL-decoded); null or empty is malformed
   * @param cookieName the cookie the token came from: the HKDF salt
   * @return the claims, or the reason for the rejection; never throws for any token
   */
  public DecodeResult decode(String token, String cookieName) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return new DecodeResult.Rejected(RejectionReason.MALFORMED);
    }
    requireCookieName(cookieName); // a caller's mistake: thrown, not a rejection of the token
    CryptoWorkspace workspace = workspaces.acquire();
    AuthJsJwe.Plaintext plaintext;
    DecodedTokens.Key cacheKey = null;
    try {
      if (decoded != null) {
        cacheKey = DecodedTokens.key(workspace.sha256(), cookieName, token);
        DecodedTokens.Entry held = decoded.get(cacheKey);
        if (held != null) {
          return checkTimes(held);
        }
      }
      plaintext = AuthJsJwe.decrypt(token, keys(cookieName), workspace, MAX_TOKEN_LENGTH);
    } catch (JweRejection rejection) {
      return new DecodeResult.Rejected(rejection.reason());
    } catch (RuntimeException unexpected) {
      return new DecodeResult.Rejected(RejectionReason.MALFORMED);
    } finally {
      workspaces.release(workspace);
    }
    DecodedTokens.Entry entry = checkClaims(plaintext);
    if (entry == null) {
      return new DecodeResult.Rejected(RejectionReason.INVALID_CLAIMS);
    }
    if (decoded != null && cacheKey != null) {
      decoded.put(cacheKey, entry);
    }
    return checkTimes(entry);
  }

  /**
   * Reads the (possibly chunked) session cookie {@code cookieName} from a request's cookies with
   * {@link CookieChunker#read} and decodes it.
   *
   * @return empty when the request has no such cookie; a {@link RejectionReason#MALFORMED}
   *     rejection when the chunks exceed {@link CookieChunker#MAX_CHUNKS} or {@link
   *     CookieChunker#MAX_TOTAL_LENGTH}
   */
  public Optional<DecodeResult> decodeCookie(
      Map<String, String> requestCookies, String cookieName) {
    CookieChunker.ReadResult read = CookieChunker.read(cookieName, requestCookies);
    if (read instanceof CookieChunker.ReadResult.Found found) {
      return Optional.of(decode(found.value(), cookieName));
    }
    if (read instanceof CookieChunker.ReadResult.Refused refused) {
      return Optional.of(new DecodeResult.Rejected(refused.reason()));
    }
    return Optional.empty();
  }

  /**
   * The claims checks that do not depend on the time: the claims with their time claims when they
   * pass, null when the claims are invalid ({@link RejectionReason#INVALID_CLAIMS}).
   */
  private DecodedTokens.@Nullable Entry checkClaims(AuthJsJwe.Plaintext plaintext) {
    Object payload;
    try {
      payload = JsonParser.parse(plaintext.bytes(), 0, plaintext.length());
    } catch (RuntimeException notJson) {
      return null;
    }
    if (!(payload instanceof Map<?, ?> map)) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> members = (Map<String, Object>) map;
    Map<String, Object> header = plaintext.header();
    if (header != null && !replicatedClaimsMatch(header, members)) {
      return null;
    }
    Object iat = members.get(SessionClaims.IAT);
    Object nbf = members.get("nbf");
    Object exp = members.get(SessionClaims.EXP);
    if (notNumber(members, "iat", iat)
        || notNumber(members, "nbf", nbf)
        || notNumber(members, "exp", exp)) {
      return null;
    }
    return new DecodedTokens.Entry(
        new SessionClaims(members),
        nbf == null ? null : ((Number) nbf).doubleValue(),
        exp == null ? null : ((Number) exp).doubleValue());
  }

  /** {@code nbf} not after now and {@code exp} after now, each with the leeway. */
  private DecodeResult checkTimes(DecodedTokens.Entry entry) {
    long now = Math.floorDiv(clock.millis(), 1000L);
    Double nbf = entry.nbf();
    if (nbf != null && nbf > now + CLOCK_SKEW_SECONDS) {
      return new DecodeResult.Rejected(RejectionReason.INVALID_CLAIMS);
    }
    Double exp = entry.exp();
    if (exp != null && exp <= now - CLOCK_SKEW_SECONDS) {
      return new DecodeResult.Rejected(RejectionReason.EXPIRED);
    }
    return new DecodeResult.Decoded(entry.claims());
  }

  /** How many decoded tokens this codec holds now (0 without a decode cache). */
  public long decodeCacheSize() {
    return decoded == null ? 0 : decoded.size();
  }

  /**
   * jose's check of claims replicated in the protected header (RFC 7519 §5.3), as {@code
   * jwtDecrypt} makes it: {@code iss} and {@code sub} with JavaScript's {@code !==} (so an object
   * or array never matches, and a header {@code null} does not match a missing claim), {@code aud}
   * by comparing the {@code JSON.stringify} texts.
   */
  private static boolean replicatedClaimsMatch(
      Map<String, Object> header, Map<String, Object> members) {
    for (String name : new String[] {"iss", "sub"}) {
      if (header.containsKey(name)) {
        Object replica = header.get(name);
        Object claim = members.get(name);
        if (replica instanceof Map
            || replica instanceof List
            || !members.containsKey(name)
            || claim instanceof Map
            || claim instanceof List
            || !Objects.equals(replica, claim)) {
          return false;
        }
      }
    }
    if (header.containsKey("aud")) {
      if (!members.containsKey("aud")) {
        return false;
      }
      JsonOutput replica = new JsonOutput(64);
      replica.writeValue(header.get("aud"));
      JsonOutput claim = new JsonOutput(64);
      claim.writeValue(members.get("aud"));
      return Arrays.equals(
          replica.buffer(), 0, replica.length(), claim.buffer(), 0, claim.length());
    }
    return true;
  }

  private static boolean notNumber(Map<String, Object> members, String name, Object value) {
    return value == null
        ? members.containsKey(name)
        : !(value instanceof Long || value instanceof Double);
  }

  private static void requireCookieName(String cookieName) {
    if (cookieName == null || cookieName.isEmpty()) {
      throw new IllegalArgumentException(
          "the cookie name (the key derivation salt) must not be empty");
    }
  }

  private CookieKeys keys(String cookieName) {
    requireCookieName(cookieName);
    CookieKeys keys = keysByCookieName.get(cookieName);
    if (keys == null) {
      keys = new CookieKeys(keyRing, cookieName);
      if (keysByCookieName.size() < MAX_CACHED_COOKIE_NAMES) {
        CookieKeys raced = keysByCookieName.putIfAbsent(cookieName, keys);
        if (raced != null) {
          keys = raced;
        }
      }
    }
    return keys;
  }

  private static void writeClaims(
      JsonOutput json, Map<String, Object> members, long iat, long exp, String jti) {
    json.writeByte('{');
    boolean first = true;
    boolean iatWritten = false;
    boolean expWritten = false;
    boolean jtiWritten = false;
    for (Map.Entry<String, Object> member : members.entrySet()) {
      String name = member.getKey();
      Object value = member.getValue();
      switch (name) {
        case SessionClaims.IAT -> {
          value = iat;
          iatWritten = true;
        }
        case SessionClaims.EXP -> {
          value = exp;
          expWritten = true;
        }
        case SessionClaims.JTI -> {
          value = jti;
          jtiWritten = true;
        }
        default -> {}
      }
      if (!first) {
        json.writeByte(',');
      }
      first = false;
      json.writeString(name);
      json.writeByte(':');
      json.writeValue(value);
    }
    if (!iatWritten) {
      writeMember(json, first, SessionClaims.IAT, iat);
      first = false;
    }
    if (!expWritten) {
      writeMember(json, first, SessionClaims.EXP, exp);
      first = false;
    }
    if (!jtiWritten) {
      writeMember(json, first, SessionClaims.JTI, jti);
    }
    json.writeByte('}');
  }

  private static void writeMember(JsonOutput json, boolean first, String name, Object value) {
    if (!first) {
      json.writeByte(',');
    }
    json.writeString(name);
    json.writeByte(':');
    json.writeValue(value);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * RFC 9562 version 4 UUID text (lowercase) from 16 random bytes, as {@code crypto.randomUUID()}.
   */
  private static String uuidV4(byte[] random) {
    random[6] = (byte) ((random[6] & 0x0f) | 0x40);
    random[8] = (byte) ((random[8] & 0x3f) | 0x80);
    char[] text = new char[36];
    int c = 0;
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        text[c++] = '-';
      }
      text[c++] = HEX[(random[i] >> 4) & 0xf];
      text[c++] = HEX[random[i] & 0xf];
    }
    return new String(text);
  }

  @Override
  public String toString() {
    return "SessionCodec[keyRing=<redacted>, clock=" + clock + "]";
  }
}
