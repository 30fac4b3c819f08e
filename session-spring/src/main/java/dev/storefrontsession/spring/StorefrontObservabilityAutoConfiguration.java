package dev.storefrontsession.spring;

import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.spring.internal.ManagementSecurityFilterChain;
import dev.storefrontsession.spring.internal.MicrometerSessionMeters;
import dev.storefrontsession.spring.internal.ObservationCallObserver;
import dev.storefrontsession.spring.internal.RequestUrlRedaction;
import dev.storefrontsession.spring.internal.StoreHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What an operator sees of the shopper session, through the app's own Actuator and Micrometer (each
 * part only when the app has that library):
 *
 * <ul>
 *   <li>meters of the session layer and the guest cache ({@link MicrometerSessionMeters});
 *   <li>an {@code Observation} per store request ({@link ObservationCallObserver}): a timer by
 *       operation and outcome, and with Micrometer Tracing a client span whose {@code traceparent}
 *       goes to the store;
 *   <li>the health indicator {@code store} (one cheap query, its answer kept for {@code
 *       storefront.bigcommerce.health-check-interval}), for the readiness group;
 *   <li>a security filter chain of its own for the Actuator's paths: stateless, no shopper cookie,
 *       health open, every other endpoint only on a separate management port ({@code
 *       management.server.port}) unless {@code
 *       storefront.management.endpoints-on-server-port=true}.
 * </ul>
 */
@AutoConfiguration(
    after = StorefrontSessionAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "storefront.observability.enabled", matchIfMissing = true)
public class StorefrontObservabilityAutoConfiguration {

  /** Session and guest-cache meters. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class Meters {

    @Bean
    @ConditionalOnMissingBean
    MicrometerSessionMeters storefrontSessionMeters(MeterRegistry registry) {
      return new MicrometerSessionMeters(registry);
    }

    @Bean
    MeterBinder storefrontGuestCacheMeters(ObjectProvider<StorefrontClient> client) {
      return registry -> client.ifAvailable(c -> MicrometerSessionMeters.bindCache(c, registry));
    }
  }

  /** A timer and, with tracing, a span and {@code traceparent} per store request. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ObservationRegistry.class)
  @ConditionalOnBean(ObservationRegistry.class)
  static class Observations {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    StorefrontClientCustomizer storefrontClientObservations(ObservationRegistry registry) {
      return builder -> builder.callObserver(new ObservationCallObserver(registry));
    }

    /**
     * The server request's URL in spans and key values becomes its route pattern: paths and queries
     * carry tokens.
     */
    @Bean
    @ConditionalOnClass(
        name = "org.springframework.http.server.observation.ServerRequestObservationContext")
    RequestUrlRedaction storefrontRequestUrlRedaction() {
      return new RequestUrlRedaction();
    }

    /**
     * Spring Security observes every filter of its chain when an {@code ObservationRegistry}
     * exists: an observation (and span) per filter on every request, which doubled the session
     * layer's CPU per page (bin/bench request) and tells an operator nothing the request's own
     * observation does not. Off unless the app defines its own settings.
     */
    @Bean
    @ConditionalOnClass(
        name = "org.springframework.security.config.observation.SecurityObservationSettings")
    @ConditionalOnMissingBean(
        type = "org.springframework.security.config.observation.SecurityObservationSettings")
    org.springframework.security.config.observation.SecurityObservationSettings
        storefrontSecurityObservations() {
      return org.springframework.security.config.observation.SecurityObservationSettings
          .noObservations();
    }
  }

  /** The readiness check of the store. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  static class StoreHealth {

    @Bean
    @ConditionalOnMissingBean(name = "storeHealthIndicator")
    StoreHealthIndicator storeHealthIndicator(
        StorefrontClient client,
        StorefrontBigCommerceProperties properties,
        ObjectProvider<Clock> clock) {
      return new StoreHealthIndicator(
          client, properties.getHealthCheckInterval(), clock.getIfAvailable(Clock::systemUTC));
    }
  }

  /** The Actuator's paths: a stateless chain, before the shopper's. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties")
  static class ManagementSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    @ConditionalOnMissingBean
    ManagementSecurityFilterChain storefrontManagementSecurityFilterChain(
        HttpSecurity http, Environment environment) throws Exception {
      return ManagementSecurityFilterChain.build(http, environment);
    }
  }
}
