package dev.storefrontsession.sandbox.internal.store;

import java.time.Instant;

/** An approved product review, as shown on the product page. */
public record ReviewRecord(
    long entityId,
    int productId,
    String author,
    String title,
    String text,
    int rating,
    Instant createdAt) {}
