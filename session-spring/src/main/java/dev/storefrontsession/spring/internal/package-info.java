/**
 * The machinery behind session-spring's public API: the per-request cookie state ({@code
 * ShopperRequestState}) and the filter that writes it, the Spring Security pieces (security context
 * and CSRF repositories, entry point), the Auth.js endpoints, sign-in, and the error handling. Not
 * an API: may change without notice.
 */
@NullMarked
package dev.storefrontsession.spring.internal;

import org.jspecify.annotations.NullMarked;
