package dev.storefrontsession.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;

/**
 * Exposes the request's CSRF token to pages (request attributes {@code _csrf} and {@link
 * CsrfToken}'s class name, which Thymeleaf's {@code th:action} reads) masked with a fresh random
 * pad each time a page renders it, so a compressed response never repeats the secret's bytes
 * (BREACH); unmasks the value a form ({@code _csrf}) or script ({@code X-CSRF-TOKEN}) sends back.
 * The masked form is Spring Security's ({@code base64url(pad || token XOR pad)}, {@code
 * XorCsrfTokenRequestAttributeHandler}), so either side reads the other's. Unlike Spring's handler
 * it formats no log message on every request and touches neither the token nor the random source
 * until a page asks for the token. Thread-safe.
 */
public final class MaskedCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

  /** The request attribute pages read the token from. */
  public static final String REQUEST_ATTRIBUTE = "_csrf";

  private final SecureRandom random;

  public MaskedCsrfTokenRequestHandler() {
    this(new SecureRandom());
  }

  MaskedCsrfTokenRequestHandler(SecureRandom random) {
    this.random = random;
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      Supplier<CsrfToken> deferredCsrfToken) {
    MaskedCsrfToken token = new MaskedCsrfToken(deferredCsrfToken, random);
    request.setAttribute(CsrfToken.class.getName(), token);
    request.setAttribute(REQUEST_ATTRIBUTE, token);
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
    String sent = request.getHeader(csrfToken.getHeaderName());
    if (sent == null) {
      sent = request.getParameter(csrfToken.getParameterName());
    }
    return sent == null ? null : unmask(sent, csrfToken.getToken());
  }

  /**
   * {@code base64url(pad || token XOR pad)} with a fresh pad as long as the token's UTF-8 bytes.
   */
  static String mask(String token, SecureRandom random) {
    byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
    int n = tokenBytes.length;
    byte[] masked = new byte[2 * n];
    random.nextBytes(masked); // the first half is the pad; the second half is overwritten
    for (int i = 0; i < n; i++) {
      masked[n + i] = (byte) (tokenBytes[i] ^ masked[i]);
    }
    return Base64.getUrlEncoder().encodeToString(masked);
  }

  /**
   * The token inside {@code masked}, or null when {@code masked} is not base64url or not twice as
   * long as the expected token (the caller compares the result with the expected token in constant
   * time).
   */
  static String unmask(String masked, String expectedToken) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(masked);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int n = expectedToken.getBytes(StandardCharsets.UTF_8).length;
    if (bytes.length != 2 * n) {
      return null;
    }
    byte[] token = new byte[n];
    for (int i = 0; i < n; i++) {
      token[i] = (byte) (bytes[n + i] ^ bytes[i]);
    }
    return new String(token, StandardCharsets.UTF_8);
  }

  /** The masked token of one request: asks the repository and draws the pad on first use only. */
  private static final class MaskedCsrfToken implements CsrfToken {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<CsrfToken> deferred;
    private final transient SecureRandom random;
    private String masked;

    MaskedCsrfToken(Supplier<CsrfToken> deferred, SecureRandom random) {
      this.deferred = deferred;
      this.random = random;
    }

    @Override
    public String getHeaderName() {
      return CookieCsrfTokenRepository.HEADER_NAME;
    }

    @Override
    public String getParameterName() {
      return CookieCsrfTokenRepository.PARAMETER_NAME;
    }

    @Override
    public String getToken() {
      if (masked == null) {
        CsrfToken token = deferred.get();
        if (token == null) {
          throw new IllegalStateException("the CSRF token repository gave no token");
        }
        masked = mask(token.getToken(), random);
      }
      return masked;
    }
  }
}
