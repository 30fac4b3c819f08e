package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.client.ChannelResolver;
import dev.storefrontsession.spring.ShopperLocales;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Locales by path: the request's locale is its path prefix ({@link StorefrontLocales}), which picks
 * the channel of every store call and of the session's cart ({@code user.cartIds}); {@link
 * LocalePathFilter} serves {@code /fr/...} with the same handlers as {@code /...}.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleBeans {

  @Bean
  ShopperLocales shopperLocales(StorefrontLocales locales) {
    return request ->
        locales.ofPath(request.getRequestURI().substring(request.getContextPath().length())).tag();
  }

  @Bean
  ChannelResolver channelResolver(StorefrontLocales locales) {
    return locales::channelOf;
  }

  @Bean
  FilterRegistrationBean<LocalePathFilter> localePathFilter(StorefrontLocales locales) {
    FilterRegistrationBean<LocalePathFilter> registration =
        new FilterRegistrationBean<>(new LocalePathFilter(locales));
    registration.setOrder(LocalePathFilter.ORDER);
    registration.setName("localePathFilter");
    return registration;
  }
}
