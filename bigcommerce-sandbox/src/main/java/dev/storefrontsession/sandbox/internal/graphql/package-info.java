/**
 * The sandbox's GraphQL endpoint and the controllers that resolve BigCommerce's Storefront schema.
 */
@NullMarked
package dev.storefrontsession.sandbox.internal.graphql;

import org.jspecify.annotations.NullMarked;
