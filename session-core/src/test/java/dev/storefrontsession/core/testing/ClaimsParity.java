package dev.storefrontsession.core.testing;

import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.internal.ContentKey;
import dev.storefrontsession.core.internal.JsonOutput;
import dev.storefrontsession.core.internal.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes claims texts (any bytes) with the real {@code @auth/core} and with session-core: each
 * text is sealed into a token with Auth.js's derived key for one secret and cookie name, and the
 * same token goes to both, at the same pinned instant. All the Auth.js work of one call runs in one
 * Node process.
 */
public final class ClaimsParity {

  /** The instant both sides decode at (epoch seconds). */
  public static final long NOW = 1_760_000_000L;

  public static final String SECRET = "claims-parity-secret";
  public static final String COOKIE = "__Secure-authjs.session-token";

  private static final ContentKey KEY = TokenForge.cbcKey(SECRET, COOKIE);
  private static final SessionCodec CODEC =
      new SessionCodec(KeyRing.of(SECRET), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  private ClaimsParity() {}

  /**
   * The protected header Auth.js writes for the key; other headers are for cases that vary the
   * header.
   */
  public static String authJsHeader() {
    return TokenForge.authJsHeader(KEY);
  }

  /**
   * What each side made of one token.
   *
   * @param authJs the claims as Auth.js returned them, written as {@code JSON.stringify} would;
   *     null if rejected
   * @param java session-core's decoded claims ({@code SessionClaims.toJson()}); null if rejected
   * @param rejected session-core's rejection, or null
   * @param authJsError Auth.js's error name and message, or null
   */
  public record Verdict(
      String header,
      byte[] claims,
      String authJs,
      String java,
      String rejected,
      String authJsError) {

    public boolean authJsAccepts() {
      return authJs != null;
    }

    public boolean javaAccepts() {
      return java != null;
    }

    /**
     * The same accept or reject, and the same claims (values and member order) when both accept.
     */
    public boolean agrees() {
      return authJsAccepts() == javaAccepts() && (authJs == null || authJs.equals(java));
    }

    /** The claims text as hex (it need not be UTF-8) with both sides' answers. */
    public String describe() {
      return "claims "
          + HexFormat.of().formatHex(claims)
          + " (header "
          + header
          + "): Auth.js "
          + (authJs != null ? "accepts " + authJs : "rejects (" + authJsError + ")")
          + ", session-core "
          + (java != null ? "accepts " + java : "rejects (" + rejected + ")");
    }
  }

  /** Every claims text under Auth.js's own header. */
  public static List<Verdict> decodeBoth(List<byte[]> claimsTexts) {
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < claimsTexts.size(); i++) {
      headers.add(authJsHeader());
    }
    return decodeBoth(headers, claimsTexts);
  }

  /** Each claims text under the header JSON at the same index. */
  public static List<Verdict> decodeBoth(List<String> headers, List<byte[]> claimsTexts) {
    List<String> tokens = new ArrayList<>();
    List<Map<String, Object>> requests = new ArrayList<>();
    for (int i = 0; i < claimsTexts.size(); i++) {
      String token = TokenForge.cbc(KEY, headers.get(i), claimsTexts.get(i));
      tokens.add(token);
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("op", "decodeJson");
      request.put("token", token);
      request.put("secret", SECRET);
      request.put("salt", COOKIE);
      request.put("now", NOW);
      requests.add(request);
    }
    List<AuthJsNode.Result> results = AuthJsNode.run(requests);
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      AuthJsNode.Result result = results.get(i);
      DecodeResult decoded = CODEC.decode(tokens.get(i), COOKIE);
      String java = decoded instanceof DecodeResult.Decoded ok ? ok.claims().toJson() : null;
      String rejected = decoded instanceof DecodeResult.Rejected no ? no.reason().name() : null;
      // Read back only to compare with claims session-core accepted (a text nested past its limit
      // would not parse).
      String authJs =
          !result.ok()
              ? null
              : java == null ? result.string() : stringify(JsonParser.parse(result.string()));
      String error = result.ok() ? null : result.error() + ": " + result.message();
      verdicts.add(new Verdict(headers.get(i), claimsTexts.get(i), authJs, java, rejected, error));
    }
    return verdicts;
  }

  /**
   * Auth.js's answer (JSON.stringify's text, read back) in session-core's JSON writing, to compare
   * values.
   */
  private static String stringify(Object value) {
    JsonOutput out = new JsonOutput(256);
    out.writeValue(value);
    return out.toUtf8String();
  }
}
