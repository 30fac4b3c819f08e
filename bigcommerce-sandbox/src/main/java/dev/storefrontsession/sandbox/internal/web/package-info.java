/**
 * The sandbox's HTTP edge: storefront-token checks, request context, document limits and error
 * bodies.
 */
@NullMarked
package dev.storefrontsession.sandbox.internal.web;

import org.jspecify.annotations.NullMarked;
