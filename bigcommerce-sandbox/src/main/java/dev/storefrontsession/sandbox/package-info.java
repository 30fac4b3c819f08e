/** Placeholder until the module is built. */
package dev.storefrontsession.sandbox;
