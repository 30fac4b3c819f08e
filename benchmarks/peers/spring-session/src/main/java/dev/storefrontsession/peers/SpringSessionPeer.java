package dev.storefrontsession.peers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peer app. Profiles: {@code redis} (Spring Session in Redis), {@code memory} (Spring Session in a map in this
 * process), {@code none} (no session at all: the same route answers without reading one).
 */
@SpringBootApplication
public class SpringSessionPeer {

  /** The signed-in shopper's details kept in the session, as a storefront would keep them. */
  public record Shopper(String firstName, String lastName, String email, String customerAccessToken, String cartId)
      implements java.io.Serializable {}

  public static void main(String[] args) {
    SpringApplication.run(SpringSessionPeer.class, args);
  }

  @Configuration(proxyBeanMethods = false)
  @Profile("redis")
  @EnableRedisHttpSession
  static class RedisSessions {}

  @Configuration(proxyBeanMethods = false)
  @Profile("memory")
  @EnableSpringHttpSession
  static class MemorySessions {
    @Bean
    MapSessionRepository sessionRepository() {
      return new MapSessionRepository(new ConcurrentHashMap<>());
    }
  }

  @Bean
  @Profile("!none")
  SecurityFilterChain sessionChain(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.ignoringRequestMatchers("/bench/signin"))
        .build();
  }

  @Bean
  @Profile("none")
  SecurityFilterChain statelessChain(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .build();
  }

  @RestController
  static class Routes {
    private static final Shopper JANINE = new Shopper("Janine", "Shopper-Smithson",
        "jane.shopper-smithson@example-store.com",
        "6f1c2e9a4b7d8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f", "a1b2c3d4-e5f6-4711-8899-aabbccddeeff");
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final boolean stateless;

    Routes(org.springframework.core.env.Environment env) {
      this.stateless = env.matchesProfiles("none");
    }

    /** Signs the benchmark's shopper in: the session (in Redis or the map) holds the security context. */
    @PostMapping("/bench/signin")
    Map<String, Object> signIn(HttpServletRequest request, HttpServletResponse response) {
      Authentication auth = UsernamePasswordAuthenticationToken.authenticated(JANINE, null,
          List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(auth);
      contexts.saveContext(context, request, response);
      return Map.of("signedIn", true);
    }

    /** The route the benchmark loads: the signed-in shopper's first name, as JSON. */
    @GetMapping("/api/auth/session")
    Map<String, Object> session(Authentication authentication) {
      if (stateless) {
        return Map.of("user", Map.of("name", JANINE.firstName()));
      }
      if (authentication != null && authentication.getPrincipal() instanceof Shopper shopper) {
        return Map.of("user", Map.of("name", shopper.firstName()));
      }
      return Map.of();
    }
  }
}
