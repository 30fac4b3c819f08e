package dev.storefrontsession.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps tokens and secrets out of every message built from an upstream body, request or header.
 * {@link #redact} replaces the given secrets and anything shaped like a credential, even cut short;
 * {@link #excerpt} also makes the result a short single line. Stateless and thread-safe.
 *
 * <p>Shapes replaced whatever the secrets given: a customer access token ({@code <64 hex>_<expiry
 * seconds>}, as BigCommerce and the sandbox issue them) or any run of {@value #MIN_HEX_RUN} or more
 * hex digits (what is left of one cut by a truncated body), and a JWT, JWS or JWE in compact form
 * or any start of one (a base64url JSON header, {@code eyJ…}, and the segments that follow).
 */
public final class Redactor {

  public static final int EXCERPT_LENGTH = 300;
  static final String REDACTED = "<redacted>";
  static final int MIN_HEX_RUN = 20;

  private static final Pattern CREDENTIAL_SHAPES =
      Pattern.compile(
          "[0-9A-Fa-f]{"
              + MIN_HEX_RUN
              + ",}(?:_[0-9]*)?"
              + "|eyJ[A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]*)*");

  /** Characters decoded beyond the excerpt, so a token that starts inside it is seen whole. */
  private static final int MARGIN = 256;

  private Redactor() {}

  /**
   * {@code text} with every secret and every credential-shaped string replaced by {@code
   * <redacted>}.
   *
   * @param secrets strings that must not appear (tokens, passwords, JWTs, configured secrets);
   *     nulls and blanks are ignored
   * @return the redacted text; null for null
   */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    List<String> known = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && !secret.isBlank()) {
        known.add(secret);
      }
    }
    known.sort(
        Comparator.comparingInt(String::length).reversed()); // a secret inside another goes with it
    String out = text;
    for (String secret : known) {
      out = out.replace(secret, REDACTED);
    }
    return CREDENTIAL_SHAPES.matcher(out).replaceAll(REDACTED);
  }

  /**
   * A redacted, single-line start of {@code body} of at most {@link #EXCERPT_LENGTH} characters
   * (then {@code …}).
   *
   * @param secrets as for {@link #redact}
   */
  public static String excerpt(byte[] body, Collection<String> secrets) {
    if (body == null || body.length == 0) {
      return "";
    }
    // Decode a bounded prefix plus room for a secret or token that starts inside the excerpt.
    int longest = MARGIN;
    for (String s : secrets) {
      if (s != null) {
        longest = Math.max(longest, s.length());
      }
    }
    int limit = Math.min(body.length, (EXCERPT_LENGTH + longest) * 4 + 16);
    String text = redact(new String(body, 0, limit, StandardCharsets.UTF_8), secrets);
    StringBuilder out = new StringBuilder(Math.min(text.length(), EXCERPT_LENGTH + 1));
    for (int i = 0; i < text.length() && out.length() < EXCERPT_LENGTH; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    boolean truncated = out.length() < text.length() || limit < body.length;
    String result = out.toString().strip();
    return truncated ? result + "…" : result;
  }
}
