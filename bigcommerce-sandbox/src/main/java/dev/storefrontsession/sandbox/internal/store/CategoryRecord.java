package dev.storefrontsession.sandbox.internal.store;

/** A category; {@code parentId} null for a top-level one. */
public record CategoryRecord(
    int entityId, Integer parentId, String name, String path, String description, int sortOrder) {}
