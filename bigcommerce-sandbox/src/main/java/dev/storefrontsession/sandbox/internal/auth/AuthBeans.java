package dev.storefrontsession.sandbox.internal.auth;

import dev.storefrontsession.sandbox.SandboxSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tokens, passwords, JWT checks and throttling. */
@Configuration(proxyBeanMethods = false)
public class AuthBeans {

  @Bean
  CustomerAccessTokens customerAccessTokens(JdbcClient jdbc, SandboxSettings s) {
    return new CustomerAccessTokens(jdbc, s.clock(), s.customerAccessTokenLifetime());
  }

  @Bean
  Passwords passwords(SandboxSettings s) {
    return new Passwords(s.bcryptCost());
  }

  @Bean
  CustomerLoginJwtVerifier customerLoginJwtVerifier(JdbcClient jdbc, SandboxSettings s) {
    return new CustomerLoginJwtVerifier(
        jdbc, s.clock(), s.clientId(), s.clientSecret(), s.storeHash());
  }

  @Bean
  LoginThrottle loginThrottle(SandboxSettings s) {
    return new LoginThrottle(s.clock(), s.maxFailedLogins(), s.loginThrottleWindow());
  }

  @Bean
  PasswordResets passwordResets(JdbcClient jdbc, SandboxSettings s) {
    return new PasswordResets(jdbc, s.clock());
  }
}
