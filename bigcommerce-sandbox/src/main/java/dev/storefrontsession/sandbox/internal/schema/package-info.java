/**
 * Values in the shape of BigCommerce's Storefront schema types: connections, money, prices, views
 * of carts, orders and products, and typed errors.
 */
@NullMarked
package dev.storefrontsession.sandbox.internal.schema;

import org.jspecify.annotations.NullMarked;
