/**
 * The codec's primitives: HKDF key derivation, the JWE (dir + A256CBC-HS512, A256GCM on decode),
 * HMAC-SHA-512, base64url, the JSON reader and writer, JWK thumbprints and pooled crypto
 * workspaces. Not an API.
 */
@NullMarked
package dev.storefrontsession.core.internal;

import org.jspecify.annotations.NullMarked;
