/**
 * The one place where the storefront reaches the BigCommerce sandbox's own classes: {@link
 * dev.storefrontsession.storefront.embedded.EmbeddedSandbox}, the sandbox started in this process
 * when no store is configured, which the rest of the storefront sees only as an {@code
 * internal.EmbeddedStore} found with {@code ServiceLoader}. This package, its service file and the
 * sandbox are in the development jar ({@code storefront-<version>-dev.jar}, run by {@code
 * bin/storefront}) and left out of the production jar. Everything else talks to the sandbox as to
 * any store, over its Storefront GraphQL API; {@code architecture-tests} checks that no other
 * storefront class uses {@code dev.storefrontsession.sandbox}.
 */
@NullMarked
package dev.storefrontsession.storefront.embedded;

import org.jspecify.annotations.NullMarked;
