package dev.storefrontsession.sandbox.internal.store;

import java.time.Instant;

/**
 * A stored cart; {@code customerId} null for a guest cart; it belongs to channel {@code channelId}.
 */
public record CartRecord(
    String entityId,
    Long customerId,
    int customerGroupId,
    String currencyCode,
    String locale,
    int version,
    Instant createdAt,
    Instant updatedAt,
    long channelId) {}
