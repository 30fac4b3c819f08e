package dev.storefrontsession.sandbox.internal.service;

/** A requested cart line: a product by id or SKU, an optional variant, a quantity. */
public record LineInput(
    Integer productEntityId, Integer variantEntityId, String sku, int quantity) {}
