package dev.storefrontsession.sandbox.internal.web;

import dev.storefrontsession.sandbox.internal.service.CheckoutService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <storefront token>} on every request; otherwise answers 401
 * with the message BigCommerce documents for the case. The token comparison is constant-time. The
 * checkout pages ({@code /checkout/…}) are exempt.
 */
public final class StorefrontTokenFilter extends OncePerRequestFilter {

  static final String MISSING = "GraphQL credentials were missing. No token was sent.";
  static final String NOT_A_JWT = "GraphQL invalid credentials. String is not a JWT";
  static final String BAD_SIGNATURE = "GraphQL invalid credentials. JWT signature is invalid";

  private final byte[] expected;

  public StorefrontTokenFilter(String storefrontToken) {
    this.expected = storefrontToken.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Checkout pages are opened by shoppers' browsers: their one-time link is the credential, not
   * this token. The decision uses the container's normalized path, never the raw request URI
   * ({@code /checkout/../graphql}).
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.startsWith(CheckoutService.PATH);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String failure = check(request.getHeader("Authorization"));
    if (failure == null) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"errors\":[{\"message\":\"" + failure + "\"}]}");
  }

  /** Null when the header carries the storefront token, else the 401 message. */
  String check(String header) {
    if (header == null || header.isBlank()) {
      return MISSING;
    }
    String value = header.trim();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return MISSING;
    }
    String token = value.substring(7).trim();
    if (token.isEmpty()) {
      return MISSING;
    }
    if (MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    return token.split("\\.", -1).length == 3 ? BAD_SIGNATURE : NOT_A_JWT;
  }
}
