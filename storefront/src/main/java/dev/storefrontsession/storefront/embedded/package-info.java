/**
 * The one place where the storefront reaches the BigCommerce sandbox's own classes: {@link
 * dev.storefrontsession.storefront.embedded.EmbeddedSandbox} (the sandbox started in this process
 * when no store is configured) and {@link
 * dev.storefrontsession.storefront.embedded.SandboxResetLinks} (its reset links in the development
 * log). Everything else talks to the sandbox as to any store, over its Storefront GraphQL API;
 * {@code architecture-tests} checks that no other storefront class uses {@code
 * dev.storefrontsession.sandbox}.
 */
@NullMarked
package dev.storefrontsession.storefront.embedded;

import org.jspecify.annotations.NullMarked;
