/**
 * Shopper sessions for Spring Boot storefronts, compatible with Auth.js v5 / Catalyst cookies:
 * auto-configuration ({@link dev.storefrontsession.spring.StorefrontSessionAutoConfiguration}), the
 * accessors {@link dev.storefrontsession.spring.ShopperSessions} and {@link
 * dev.storefrontsession.spring.ShopperSignIn}, the principal {@link
 * dev.storefrontsession.spring.ShopperSession}, and {@link
 * dev.storefrontsession.spring.SafeRedirects} for redirect targets taken from requests.
 */
@NullMarked
package dev.storefrontsession.spring;

import org.jspecify.annotations.NullMarked;
