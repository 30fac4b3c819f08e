package dev.storefrontsession.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** Makes a short, single-line excerpt of a response body with every known secret replaced. */
public final class Redactor {

    public static final int EXCERPT_LENGTH = 300;
    private static final String REDACTED = "<redacted>";

    private Redactor() {}

    /**
     * @param secrets strings that must not appear (tokens, passwords, JWTs); nulls and blanks are ignored
     */
    public static String excerpt(byte[] body, Collection<String> secrets) {
        if (body == null || body.length == 0) {
            return "";
        }
        // Decode a bounded prefix plus room for a secret that starts inside the excerpt.
        int longest = 0;
        for (String s : secrets) {
            if (s != null) {
                longest = Math.max(longest, s.length());
            }
        }
        int limit = Math.min(body.length, (EXCERPT_LENGTH + longest) * 4 + 16);
        String text = new String(body, 0, limit, StandardCharsets.UTF_8);
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                text = text.replace(secret, REDACTED);
            }
        }
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
