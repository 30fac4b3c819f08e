/**
 * The BigCommerce Storefront GraphQL client: {@link dev.storefrontsession.client.StorefrontClient}
 * with {@link dev.storefrontsession.client.CustomerContext}, error policies and typed errors, the
 * guest cache, the session operations and {@link dev.storefrontsession.client.CustomerLoginJwt}.
 */
@NullMarked
package dev.storefrontsession.client;

import org.jspecify.annotations.NullMarked;
