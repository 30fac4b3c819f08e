/**
 * The storefront's pages (controllers), the services behind them, their GraphQL documents, and the
 * web configuration. Not an API.
 */
@NullMarked
package dev.storefrontsession.storefront.internal;

import org.jspecify.annotations.NullMarked;
