/**
 * The reference storefront: a Spring Boot app with server-rendered catalog, cart, login and account
 * pages on {@code session-spring}. {@link dev.storefrontsession.storefront.StorefrontApplication}
 * is the entry point; with no store configured, in the development jar, it embeds the BigCommerce
 * sandbox ({@code dev.storefrontsession.storefront.embedded.EmbeddedSandbox}).
 */
@NullMarked
package dev.storefrontsession.storefront;

import org.jspecify.annotations.NullMarked;
