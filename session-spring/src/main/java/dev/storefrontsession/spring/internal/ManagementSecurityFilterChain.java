package dev.storefrontsession.spring.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The Spring Security chain of the Actuator's paths (everything under {@code
 * management.endpoints.web.base-path}, default {@code /actuator}, the probe paths {@code /livez}
 * and {@code /readyz} when {@code management.endpoint.health.probes.add-additional-paths=true}, and
 * everything on a separate management port): no shopper session, no cookies, no CSRF, no HTTP
 * session. Health (and its liveness and readiness groups) answers anyone; every other endpoint
 * answers only on a separate management port ({@code management.server.port}, which an operator
 * keeps off the public network), or on the server's port when {@code
 * storefront.management.endpoints-on-server-port=true}. Refusals are a bare 403 written here, never
 * an error page (which would run the shopper's chain). A type of its own, so an app's {@code
 * SecurityFilterChain} bean still replaces only the shopper's chain.
 */
public final class ManagementSecurityFilterChain implements SecurityFilterChain {

  /**
   * Opens the non-health endpoints on the server's (public) port: only behind a proxy that guards
   * them.
   */
  public static final String ON_SERVER_PORT = "storefront.management.endpoints-on-server-port";

  private final SecurityFilterChain delegate;

  private ManagementSecurityFilterChain(SecurityFilterChain delegate) {
    this.delegate = delegate;
  }

  public static ManagementSecurityFilterChain build(HttpSecurity http, Environment environment)
      throws Exception {
    String basePath = basePath(environment);
    List<String> probePaths = ShopperSessionFilter.probePaths(environment);
    RequestMatcher managementContext = ManagementSecurityFilterChain::onManagementContext;
    // Asked of every request (the shopper's too): paths made once, no stream per request.
    String healthPath = basePath == null ? null : basePath + "/health";
    String[] probes = probePaths.toArray(String[]::new);
    RequestMatcher health =
        request -> {
          if (ShopperSessionFilter.isUnder(request, healthPath)) {
            return true;
          }
          for (String probe : probes) {
            if (ShopperSessionFilter.isUnder(request, probe)) {
              return true;
            }
          }
          return false;
        };
    RequestMatcher actuator = request -> ShopperSessionFilter.isUnder(request, basePath);
    boolean onServerPort = environment.getProperty(ON_SERVER_PORT, Boolean.class, false);
    http.securityMatcher(new OrRequestMatcher(managementContext, health, actuator))
        .securityContext(c -> c.securityContextRepository(new NullSecurityContextRepository()))
        .sessionManagement(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint((request, response, failure) -> refuse(response))
                    .accessDeniedHandler((request, response, failure) -> refuse(response)))
        .authorizeHttpRequests(
            a -> {
              a.requestMatchers(managementContext).permitAll().requestMatchers(health).permitAll();
              if (onServerPort) {
                a.anyRequest().permitAll();
              } else {
                a.anyRequest().denyAll();
              }
            });
    return new ManagementSecurityFilterChain(http.build());
  }

  /**
   * True when the request came in on the separate management port (the Actuator's own child
   * context).
   */
  private static boolean onManagementContext(HttpServletRequest request) {
    return WebServerApplicationContext.hasServerNamespace(
        WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()),
        "management");
  }

  /** As {@link ShopperSessionFilter#actuatorPath(Environment)}. */
  public static String basePath(Environment environment) {
    return ShopperSessionFilter.actuatorPath(environment);
  }

  private static void refuse(HttpServletResponse response) {
    if (!response.isCommitted()) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setHeader("Cache-Control", "no-store");
    }
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    return delegate.matches(request);
  }

  @Override
  public List<Filter> getFilters() {
    return delegate.getFilters();
  }
}
