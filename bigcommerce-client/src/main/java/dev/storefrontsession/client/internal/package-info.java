/**
 * The client's machinery: endpoints, bounded response bodies, response parsing and error mapping,
 * the guest cache and its keys, canonical JSON, the session operations' GraphQL documents,
 * redaction of secrets. Not an API.
 */
@NullMarked
package dev.storefrontsession.client.internal;

import org.jspecify.annotations.NullMarked;
