package dev.storefrontsession.sandbox.internal.web;

import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.auth.CustomerAccessTokens;
import dev.storefrontsession.sandbox.internal.service.ChannelSite;
import dev.storefrontsession.sandbox.internal.service.CheckoutService;
import dev.storefrontsession.sandbox.internal.store.Channels;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * HTTP-level pieces: the storefront-token and channel filters, the request-context interceptor and
 * the checkout pages.
 */
@Configuration(proxyBeanMethods = false)
public class WebBeans {

  @Bean
  FilterRegistrationBean<StorefrontTokenFilter> storefrontTokenFilter(SandboxSettings settings) {
    FilterRegistrationBean<StorefrontTokenFilter> bean =
        new FilterRegistrationBean<>(new StorefrontTokenFilter(settings.storefrontToken()));
    bean.addUrlPatterns("/*");
    bean.setOrder(0);
    return bean;
  }

  @Bean
  FilterRegistrationBean<ChannelFilter> channelFilter(SandboxSettings settings, Channels channels) {
    FilterRegistrationBean<ChannelFilter> bean =
        new FilterRegistrationBean<>(new ChannelFilter(settings.storeHash(), channels));
    bean.addUrlPatterns("/*");
    bean.setOrder(1);
    return bean;
  }

  @Bean
  RequestContextInterceptor requestContextInterceptor(
      CustomerAccessTokens tokens, SandboxSettings settings) {
    return new RequestContextInterceptor(tokens, settings.trustedProxySecret().orElse(null));
  }

  /** Checkout pages; ordered before the GraphQL route, whose catch-all answers every other path. */
  @Bean
  @Order(0)
  RouterFunction<ServerResponse> checkoutPages(CheckoutService checkout, ChannelSite site) {
    return new CheckoutPageController(checkout, site).routes();
  }
}
