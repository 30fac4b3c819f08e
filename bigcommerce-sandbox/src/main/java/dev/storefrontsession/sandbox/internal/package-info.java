/**
 * The sandbox's Spring Boot application and its common API error; the parts live in the
 * sub-packages. Not an API.
 */
@NullMarked
package dev.storefrontsession.sandbox.internal;

import org.jspecify.annotations.NullMarked;
