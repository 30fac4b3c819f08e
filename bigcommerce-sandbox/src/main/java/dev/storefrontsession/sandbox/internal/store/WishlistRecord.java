package dev.storefrontsession.sandbox.internal.store;

/** A stored wishlist. */
public record WishlistRecord(
    long entityId, long customerId, String name, boolean isPublic, String token) {}
