/**
 * A local stand-in for BigCommerce's Storefront GraphQL API on a real database. Start it with
 * {@link dev.storefrontsession.sandbox.SandboxServer#start(SandboxSettings)}; everything else lives
 * in {@code internal} packages.
 */
@NullMarked
package dev.storefrontsession.sandbox;

import org.jspecify.annotations.NullMarked;
