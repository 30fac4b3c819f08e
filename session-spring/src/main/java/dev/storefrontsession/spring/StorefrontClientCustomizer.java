package dev.storefrontsession.spring;

import dev.storefrontsession.client.StorefrontClient;

/**
 * Changes the auto-configured {@link StorefrontClient} before it is built: an HTTP client of your
 * own, the guest cache's size or TTL, a {@link dev.storefrontsession.client.CallObserver}. Every
 * bean of this type is applied, in {@link org.springframework.core.annotation.Order} order, after
 * the {@code storefront.bigcommerce.*} settings, so an app changes one thing without redefining the
 * client bean.
 */
@FunctionalInterface
public interface StorefrontClientCustomizer {

  void customize(StorefrontClient.Builder builder);
}
