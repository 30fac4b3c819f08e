package dev.storefrontsession.spring;

import dev.storefrontsession.client.ChannelResolver;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionSecret;
import dev.storefrontsession.spring.internal.AuditLog;
import dev.storefrontsession.spring.internal.AuthJsEndpoints;
import dev.storefrontsession.spring.internal.AuthJsSessionFilter;
import dev.storefrontsession.spring.internal.CookieCsrfTokenRepository;
import dev.storefrontsession.spring.internal.CookieSecurityContextRepository;
import dev.storefrontsession.spring.internal.DefaultShopperSessions;
import dev.storefrontsession.spring.internal.DefaultShopperSignIn;
import dev.storefrontsession.spring.internal.FastFirewallRules;
import dev.storefrontsession.spring.internal.ManagementSecurityFilterChain;
import dev.storefrontsession.spring.internal.MissingSessionSecretException;
import dev.storefrontsession.spring.internal.RequestChannels;
import dev.storefrontsession.spring.internal.RequestOrigins;
import dev.storefrontsession.spring.internal.SessionPolicy;
import dev.storefrontsession.spring.internal.SessionRevalidator;
import dev.storefrontsession.spring.internal.SessionSettings;
import dev.storefrontsession.spring.internal.ShopperAuthentication;
import dev.storefrontsession.spring.internal.ShopperSessionExceptionAdvice;
import dev.storefrontsession.spring.internal.ShopperSessionFilter;
import dev.storefrontsession.spring.internal.SignInRedirectEntryPoint;
import dev.storefrontsession.spring.internal.StoreSessionRevalidator;
import dev.storefrontsession.spring.internal.TrustedProxies;
import dev.storefrontsession.spring.internal.UpstreamFailureMarker;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Boot auto-configuration of the shopper session: settings from {@code storefront.session.*}
 * / {@code AUTH_*}, the {@link StorefrontClient} from {@code storefront.bigcommerce.*} / {@code
 * BIGCOMMERCE_*}, the cookie filter, {@link ShopperSessions}, {@link ShopperSignIn}, the {@code
 * /api/auth} endpoints, the CAT-error advice and a default stateless {@link SecurityFilterChain}.
 * Every bean yields to one the app defines.
 */
@AutoConfiguration(
    before = {
      ServletWebSecurityAutoConfiguration.class,
      SecurityAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "storefront.session.enabled", matchIfMissing = true)
@EnableConfigurationProperties({
  StorefrontSessionProperties.class,
  StorefrontBigCommerceProperties.class
})
public class StorefrontSessionAutoConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(StorefrontSessionAutoConfiguration.class);

  static final String MISSING_SECRET =
      "AUTH_SECRET is not set. Sessions are encrypted with it: set the environment"
          + " variable AUTH_SECRET (or storefront.session.secret) to a long random string, e.g. the output of"
          + " `openssl rand -base64 32`, the same on every instance. For local development only, set"
          + " storefront.session.generate-secret-if-missing=true to use a random secret that dies with the process.";

  @Bean
  @ConditionalOnMissingBean
  public SessionSettings storefrontSessionSettings(
      StorefrontSessionProperties properties,
      Environment environment,
      ObjectProvider<Clock> clock,
      ObjectProvider<ShopperSessionEvents> events) {
    KeyRing keyRing = keyRing(properties, environment);
    String url =
        firstNonBlank(
            properties.getUrl(),
            environment.getProperty("AUTH_URL"),
            environment.getProperty("NEXTAUTH_URL"));
    Boolean trustHost = properties.getTrustHost();
    if (trustHost == null) {
      String env = environment.getProperty("AUTH_TRUST_HOST");
      trustHost = env != null && (env.equalsIgnoreCase("true") || env.equals("1"));
    }
    URI publicUrl;
    try {
      publicUrl = url == null ? null : URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("AUTH_URL is not a URL: use e.g. https://shop.example.com");
    }
    RequestOrigins origins =
        new RequestOrigins(
            publicUrl,
            trustHost,
            properties.getUseSecureCookies(),
            TrustedProxies.of(properties.getTrustedProxies()));
    return new SessionSettings(
        keyRing,
        clock.getIfAvailable(Clock::systemUTC),
        properties.getMaxAge(),
        properties.getUpdateAge(),
        properties.getAnonymousMaxAge(),
        properties.isExposeCustomerAccessToken(),
        properties.getSignInPage(),
        origins,
        properties.getPassivePaths(),
        ShopperSessionEvents.of(events.orderedStream().toList()),
        new SessionPolicy(
            properties.isBrowserSessionCookies(),
            properties.getAbsoluteMaxAge(),
            properties.isPartitionedCookies(),
            properties.getRevalidateInterval()),
        properties.getDecodeCacheSize());
  }

  /**
   * The secrets the app holds that the client does not know itself: none may appear in an exception
   * message.
   */
  static List<String> configuredSecrets(
      StorefrontBigCommerceProperties bigCommerce,
      StorefrontSessionProperties session,
      Environment environment) {
    List<String> secrets = new ArrayList<>(); // nulls and blanks are skipped by the client
    secrets.add(bigCommerce.getClientSecret());
    secrets.add(session.getSecret());
    secrets.addAll(session.getOlderSecrets());
    for (String name :
        List.of(
            "BIGCOMMERCE_CLIENT_SECRET",
            "AUTH_SECRET",
            "NEXTAUTH_SECRET",
            "AUTH_SECRET_1",
            "AUTH_SECRET_2",
            "AUTH_SECRET_3")) {
      secrets.add(environment.getProperty(name));
    }
    return secrets;
  }

  static KeyRing keyRing(StorefrontSessionProperties properties, Environment environment) {
    String newest =
        firstNonBlank(
            properties.getSecret(),
            environment.getProperty("AUTH_SECRET"),
            environment.getProperty("NEXTAUTH_SECRET"));
    Set<String> older = new LinkedHashSet<>();
    for (String secret : properties.getOlderSecrets()) {
      if (secret != null && !secret.isBlank()) {
        older.add(secret);
      }
    }
    for (int i = 1; i <= 3; i++) {
      String secret = environment.getProperty("AUTH_SECRET_" + i);
      if (secret != null && !secret.isBlank()) {
        older.add(secret);
      }
    }
    if (newest == null) {
      if (!properties.isGenerateSecretIfMissing()) {
        throw new MissingSessionSecretException(MISSING_SECRET);
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      newest = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      log.warn(
          "AUTH_SECRET is not set: using a random secret generated for this process (development mode)."
              + " Sessions end when the process stops and are not shared with other instances. Set AUTH_SECRET in"
              + " production.");
    }
    older.remove(newest);
    List<SessionSecret> secrets = new ArrayList<>();
    secrets.add(SessionSecret.of(newest));
    older.forEach(secret -> secrets.add(SessionSecret.of(secret)));
    return KeyRing.of(secrets);
  }

  @Bean
  @ConditionalOnMissingBean
  public StorefrontClient storefrontClient(
      StorefrontBigCommerceProperties properties,
      StorefrontSessionProperties sessionProperties,
      Environment environment,
      ObjectProvider<Clock> clock,
      ObjectProvider<ChannelResolver> channelResolver,
      ObjectProvider<StorefrontClientCustomizer> customizers) {
    String token =
        firstNonBlank(
            properties.getStorefrontToken(),
            environment.getProperty("BIGCOMMERCE_STOREFRONT_TOKEN"));
    if (token == null) {
      throw new IllegalStateException(
          "BIGCOMMERCE_STOREFRONT_TOKEN is not set: the storefront needs a"
              + " server-to-server storefront token (or storefront.bigcommerce.storefront-token)");
    }
    String storeHash =
        firstNonBlank(properties.getStoreHash(), environment.getProperty("BIGCOMMERCE_STORE_HASH"));
    String endpoint =
        firstNonBlank(
            properties.getGraphqlEndpoint(),
            environment.getProperty("BIGCOMMERCE_GRAPHQL_ENDPOINT"));
    if (storeHash == null && endpoint == null) {
      throw new IllegalStateException(
          "BIGCOMMERCE_STORE_HASH is not set (or storefront.bigcommerce.store-hash);"
              + " alternatively set BIGCOMMERCE_GRAPHQL_ENDPOINT to a full GraphQL URL");
    }
    StorefrontClient.Builder builder =
        StorefrontClient.builder().storefrontToken(token).storeHash(storeHash);
    String domain =
        firstNonBlank(
            properties.getGraphqlApiDomain(),
            environment.getProperty("BIGCOMMERCE_GRAPHQL_API_DOMAIN"));
    if (domain != null) {
      builder.apiDomain(domain);
    }
    if (endpoint != null) {
      builder.endpoint(endpoint);
    }
    String channel =
        firstNonBlank(properties.getChannelId(), environment.getProperty("BIGCOMMERCE_CHANNEL_ID"));
    if (channel != null) {
      try {
        builder.channelId(Long.parseLong(channel.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalStateException(
            "BIGCOMMERCE_CHANNEL_ID must be a positive integer, was '" + channel + "'");
      }
    }
    builder.trustedProxySecret(
        firstNonBlank(
            properties.getTrustedProxySecret(),
            environment.getProperty("BIGCOMMERCE_TRUSTED_PROXY_SECRET")));
    builder
        .connectTimeout(properties.getConnectTimeout())
        .requestTimeout(properties.getRequestTimeout());
    builder.redacting(configuredSecrets(properties, sessionProperties, environment));
    clock.ifAvailable(builder::clock);
    channelResolver.ifAvailable(builder::channelResolver);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /**
   * The locale of a request: {@code Accept-Language} unless the app routes locales otherwise (e.g.
   * by path).
   */
  @Bean
  @ConditionalOnMissingBean
  public ShopperLocales shopperLocales() {
    return ShopperLocales.acceptLanguage();
  }

  @Bean
  @ConditionalOnMissingBean
  public RequestChannels shopperRequestChannels(ShopperLocales locales, StorefrontClient client) {
    return new RequestChannels(locales, client);
  }

  /**
   * Sign-ins and sign-outs as INFO events of the logger {@value AuditLog#LOGGER}: method, outcome,
   * customer id.
   */
  @Bean
  @ConditionalOnMissingBean
  public AuditLog storefrontAuditLog() {
    return new AuditLog();
  }

  /**
   * Checks a signed-in session's customer access token with the store once per revalidation
   * interval.
   */
  @Bean
  @ConditionalOnMissingBean
  public SessionRevalidator storefrontSessionRevalidator(
      StorefrontClient client, SessionSettings settings) {
    return new StoreSessionRevalidator(client, settings.origins());
  }

  @Bean
  public FilterRegistrationBean<ShopperSessionFilter> storefrontShopperSessionFilter(
      SessionSettings settings,
      RequestChannels channels,
      Environment environment,
      ObjectProvider<SessionRevalidator> revalidator) {
    String lowHeaderLimits =
        dev.storefrontsession.spring.internal.HeaderLimitDefaults.check(environment);
    if (lowHeaderLimits != null) {
      log.warn(lowHeaderLimits);
    }
    // The Actuator's paths (probes, scrapes) are not a shopper's: they pass the filter untouched.
    List<String> skipped = new ArrayList<>();
    if (ClassUtils.isPresent(ACTUATOR_PROPERTIES, getClass().getClassLoader())) {
      skipped.add(ShopperSessionFilter.actuatorPath(environment));
      skipped.addAll(ShopperSessionFilter.probePaths(environment));
    }
    FilterRegistrationBean<ShopperSessionFilter> registration =
        new FilterRegistrationBean<>(
            new ShopperSessionFilter(settings, channels, skipped, revalidator.getIfAvailable()));
    registration.setOrder(ShopperSessionFilter.ORDER);
    registration.setName("shopperSessionFilter");
    return registration;
  }

  @Bean
  @ConditionalOnMissingBean
  public ShopperSessions shopperSessions(SessionSettings settings) {
    return new DefaultShopperSessions(settings.origins());
  }

  @Bean
  @ConditionalOnMissingBean(ShopperSignIn.class)
  public DefaultShopperSignIn shopperSignIn(
      StorefrontClient client, SessionSettings settings, RequestChannels channels) {
    return new DefaultShopperSignIn(client, settings.origins(), channels);
  }

  @Bean
  @ConditionalOnMissingBean
  public AuthJsEndpoints authJsEndpoints(ShopperSignIn signIn) {
    return new AuthJsEndpoints(signIn);
  }

  /**
   * {@code GET /api/auth/session} answered before Spring MVC ({@link AuthJsSessionFilter}), at the
   * path the dispatcher serves it ({@code spring.mvc.servlet.path} included).
   */
  @Bean
  @ConditionalOnMissingBean(name = "storefrontAuthJsSessionFilter")
  public FilterRegistrationBean<AuthJsSessionFilter> storefrontAuthJsSessionFilter(
      AuthJsEndpoints endpoints, ObjectProvider<DispatcherServletPath> servletPath) {
    DispatcherServletPath path = servletPath.getIfAvailable();
    FilterRegistrationBean<AuthJsSessionFilter> registration =
        new FilterRegistrationBean<>(new AuthJsSessionFilter(endpoints));
    registration.addUrlPatterns(
        path == null ? AuthJsSessionFilter.PATH : path.getRelativePath(AuthJsSessionFilter.PATH));
    registration.setOrder(AuthJsSessionFilter.ORDER);
    return registration;
  }

  @Bean
  @ConditionalOnMissingBean
  public ShopperSessionExceptionAdvice shopperSessionExceptionAdvice() {
    return new ShopperSessionExceptionAdvice();
  }

  @Bean
  public WebMvcConfigurer storefrontUpstreamFailureMarker() {
    return new WebMvcConfigurer() {
      @Override
      public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new UpstreamFailureMarker());
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  public CookieSecurityContextRepository shopperSecurityContextRepository() {
    return new CookieSecurityContextRepository();
  }

  @Bean
  @ConditionalOnMissingBean
  public CookieCsrfTokenRepository shopperCsrfTokenRepository() {
    return new CookieCsrfTokenRepository();
  }

  @Bean
  @ConditionalOnMissingBean
  public StorefrontSessionSecurity storefrontSessionSecurity(
      CookieSecurityContextRepository contextRepository,
      CookieCsrfTokenRepository csrfRepository,
      SessionSettings settings,
      StorefrontSessionProperties properties) {
    return new StorefrontSessionSecurity(
        contextRepository,
        csrfRepository,
        new SignInRedirectEntryPoint(settings),
        properties.getProtectedPaths());
  }

  /**
   * Spring Security's strict firewall with its header rules as character loops instead of regular
   * expressions (same decisions; the firewall checks each header the app reads). An app's own
   * {@link HttpFirewall} bean replaces it.
   */
  @Bean
  @ConditionalOnMissingBean(HttpFirewall.class)
  public HttpFirewall storefrontHttpFirewall() {
    return FastFirewallRules.firewall();
  }

  /**
   * Keeps Boot from creating its generated-password user: shoppers authenticate through the session
   * cookie.
   */
  @Bean
  @ConditionalOnMissingBean(AuthenticationProvider.class)
  public AuthenticationProvider shopperAuthenticationProvider() {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        return authentication;
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return ShopperAuthentication.class.isAssignableFrom(authentication);
      }
    };
  }

  private static final String ACTUATOR_PROPERTIES =
      "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties";

  @Bean
  @ConditionalOnMissingBean(
      value = SecurityFilterChain.class,
      ignored = ManagementSecurityFilterChain.class)
  public SecurityFilterChain storefrontSecurityFilterChain(
      HttpSecurity http, StorefrontSessionSecurity session) throws Exception {
    session.apply(http);
    http.authorizeHttpRequests(
        authorize -> {
          session.protectedPaths(authorize);
          authorize.anyRequest().permitAll();
        });
    return http.build();
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
