package dev.storefrontsession.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Spring Security's CSRF token stored statelessly in the Auth.js CSRF cookie ({@code
 * authjs.csrf-token} / {@code __Host-authjs.csrf-token}, {@code token|hash}): one token serves the
 * app's own forms ({@code _csrf}) and the {@code /api/auth} endpoints ({@code csrfToken}). No HTTP
 * session. Thread-safe (stateless).
 */
public final class CookieCsrfTokenRepository implements CsrfTokenRepository {

  /** The form field Thymeleaf's {@code th:action} adds. */
  public static final String PARAMETER_NAME = "_csrf";

  /** The header a script may send instead. */
  public static final String HEADER_NAME = "X-CSRF-TOKEN";

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return new DefaultCsrfToken(
        HEADER_NAME, PARAMETER_NAME, ShopperRequestState.of(request).ensureCsrfToken());
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    // the state writes the cookie of a token it created when the response commits; a null token
    // (Spring's
    // logout handler) keeps the cookie: Auth.js rotates CSRF cookies only when they are invalid
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    String token = ShopperRequestState.of(request).csrfToken();
    return token == null ? null : new DefaultCsrfToken(HEADER_NAME, PARAMETER_NAME, token);
  }
}
