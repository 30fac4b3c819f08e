package dev.storefrontsession.sandbox.internal.store;

/** A brand. */
public record BrandRecord(int entityId, String name, String path) {}
