package dev.storefrontsession.spring;

import dev.storefrontsession.spring.internal.CookieCsrfTokenRepository;
import dev.storefrontsession.spring.internal.CookieSecurityContextRepository;
import dev.storefrontsession.spring.internal.MaskedCsrfTokenRequestHandler;
import dev.storefrontsession.spring.internal.SignInRedirectEntryPoint;
import java.util.List;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Applies the shopper session to a Spring Security filter chain, for apps that define their own
 * {@code SecurityFilterChain}:
 *
 * <pre>{@code
 * @Bean SecurityFilterChain chain(HttpSecurity http, StorefrontSessionSecurity session) throws Exception {
 *   session.apply(http);
 *   http.authorizeHttpRequests(a -> { session.protectedPaths(a); a.anyRequest().permitAll(); });
 *   return http.build();
 * }
 * }</pre>
 *
 * Thread-safe (immutable).
 */
public final class StorefrontSessionSecurity {

  private final CookieSecurityContextRepository contextRepository;
  private final CookieCsrfTokenRepository csrfRepository;
  private final SignInRedirectEntryPoint entryPoint;
  private final List<String> protectedPaths;

  public StorefrontSessionSecurity(
      CookieSecurityContextRepository contextRepository,
      CookieCsrfTokenRepository csrfRepository,
      SignInRedirectEntryPoint entryPoint,
      List<String> protectedPaths) {
    this.contextRepository = contextRepository;
    this.csrfRepository = csrfRepository;
    this.entryPoint = entryPoint;
    this.protectedPaths = List.copyOf(protectedPaths);
  }

  /**
   * Stateless sessions (no HTTP session, no saved requests), the cookie-backed security context,
   * CSRF on every state-changing request with the token in the Auth.js CSRF cookie ({@code
   * /api/auth/**} checks its own {@code csrfToken} field; pages get it masked afresh each time,
   * {@link MaskedCsrfTokenRequestHandler}), and redirects to the login page for protected paths.
   */
  public HttpSecurity apply(HttpSecurity http) throws Exception {
    // Nothing here uses an HTTP session, a saved request or the servlet API's principal methods, so
    // their filters
    // go: fewer filters on every page view (each wraps or marks the request). The null request
    // cache stays as the
    // shared object that exception handling would otherwise replace with a session-backed one.
    // Session management's DisableEncodeUrlFilter is not needed either: the ShopperSessionFilter's
    // response already
    // returns every URL from encodeURL unchanged (never a session id, and no container URL work per
    // rendered link).
    http.setSharedObject(RequestCache.class, new NullRequestCache());
    return http.sessionManagement(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .servletApi(AbstractHttpConfigurer::disable)
        .securityContext(c -> c.securityContextRepository(contextRepository))
        .csrf(
            c ->
                c.csrfTokenRepository(csrfRepository)
                    .csrfTokenRequestHandler(new MaskedCsrfTokenRequestHandler())
                    .ignoringRequestMatchers("/api/auth/**"))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
        .formLogin(f -> f.disable())
        .httpBasic(b -> b.disable())
        .logout(l -> l.disable())
        // The security headers are static: write them before the chain instead of wrapping the
        // response, whose
        // per-write commit check was the top method of a rendered page (bin/bench request, JFR).
        .headers(
            h ->
                h.withObjectPostProcessor(
                    new ObjectPostProcessor<HeaderWriterFilter>() {
                      @Override
                      public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                      }
                    }));
  }

  /**
   * Requires a signed-in customer (a customer access token) on the protected paths ({@code
   * /account/**}).
   */
  public void protectedPaths(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          registry) {
    if (!protectedPaths.isEmpty()) {
      registry.requestMatchers(protectedPaths.toArray(String[]::new)).hasRole("CUSTOMER");
    }
  }
}
