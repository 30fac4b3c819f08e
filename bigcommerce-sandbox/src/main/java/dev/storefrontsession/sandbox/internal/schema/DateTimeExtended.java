package dev.storefrontsession.sandbox.internal.schema;

import java.time.Instant;

/** GraphQL {@code DateTimeExtended}. */
public record DateTimeExtended(Instant utc) {}
