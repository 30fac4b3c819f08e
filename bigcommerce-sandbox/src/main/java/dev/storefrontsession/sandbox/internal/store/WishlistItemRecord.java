package dev.storefrontsession.sandbox.internal.store;

/** A stored wishlist item. */
public record WishlistItemRecord(
    long entityId, long wishlistId, int productEntityId, Integer variantEntityId) {}
