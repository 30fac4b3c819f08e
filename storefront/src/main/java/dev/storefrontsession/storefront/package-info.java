/**
 * The reference storefront: a Spring Boot app with server-rendered catalog, cart, login and account
 * pages on {@code session-spring}. {@link dev.storefrontsession.storefront.StorefrontApplication}
 * is the entry point; with no store configured it embeds the BigCommerce sandbox ({@link
 * dev.storefrontsession.storefront.embedded.EmbeddedSandbox}).
 */
@NullMarked
package dev.storefrontsession.storefront;

import org.jspecify.annotations.NullMarked;
