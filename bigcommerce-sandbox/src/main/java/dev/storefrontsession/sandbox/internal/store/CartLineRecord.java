package dev.storefrontsession.sandbox.internal.store;

/** A stored cart line. */
public record CartLineRecord(
    String entityId, String cartId, int productId, Integer variantId, int quantity) {}
