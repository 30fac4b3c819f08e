package dev.storefrontsession.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A protected page without a customer access token: {@code 302} to the login page, with {@code
 * ?redirectTo=} the requested path and query for a GET (Catalyst's {@code withAuth}). A CSRF
 * refusal is a plain {@code 403} with an explanation instead. Stateless.
 */
public final class SignInRedirectEntryPoint
    implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final SessionSettings settings;

  public SignInRedirectEntryPoint(SessionSettings settings) {
    this.settings = settings;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    redirectToSignIn(request, response);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/plain;charset=UTF-8");
      response
          .getWriter()
          .write(
              "This form has expired or did not come from this site (missing or invalid CSRF"
                  + " token). Go back, reload the page and try again.");
      return;
    }
    redirectToSignIn(request, response);
  }

  private void redirectToSignIn(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String location = request.getContextPath() + settings.signInPage();
    if ("GET".equals(request.getMethod())) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      String target =
          request.getQueryString() == null ? path : path + "?" + request.getQueryString();
      location += "?redirectTo=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
    response.setStatus(HttpServletResponse.SC_FOUND);
    // through the response, so an app that routes locales by path can keep the shopper's prefix
    // (/fr/login)
    response.setHeader("Location", response.encodeRedirectURL(location));
    response.setHeader("Cache-Control", "no-store");
  }
}
