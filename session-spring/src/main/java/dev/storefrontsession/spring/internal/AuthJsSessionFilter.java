package dev.storefrontsession.spring.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers {@code GET /api/auth/session} (Catalyst's client asks it on every page) right after
 * Spring Security's filter chain, with {@link AuthJsEndpoints#session} itself, instead of through
 * Spring MVC's dispatch: the handler lookup, argument resolution, async and lifecycle wrappers and
 * the request-handled event were a fifth of the request's CPU (JFR, {@code bin/bench peers}). The
 * answer is the same; the security headers, the firewall and the session filter have run as for any
 * request. The HTTP server observation is told the route, so the request is timed and traced under
 * {@code /api/auth/session} as before. Other methods, dispatches (forward, error) and paths go on
 * down the chain to MVC. Registered for that one path only, so no other request pays for it.
 * Thread-safe (stateless).
 */
public final class AuthJsSessionFilter implements Filter {

  /** The path it answers, below the servlet's path. */
  public static final String PATH = "/api/auth/session";

  /**
   * After Spring Security's chain ({@code -100}) and every filter Spring Boot orders before MVC.
   */
  public static final int ORDER = 0;

  private final AuthJsEndpoints endpoints;

  public AuthJsSessionFilter(AuthJsEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req instanceof HttpServletRequest request
        && res instanceof HttpServletResponse response
        && request.getDispatcherType() == DispatcherType.REQUEST
        && "GET".equals(request.getMethod())) {
      Optional<ShopperRequestState> state = ShopperRequestState.find(request);
      if (state.isPresent()) {
        ServerHttpObservationFilter.findObservationContext(request)
            .ifPresent(context -> context.setPathPattern(PATH));
        endpoints.session(state.get(), response);
        return;
      }
    }
    chain.doFilter(req, res);
  }
}
