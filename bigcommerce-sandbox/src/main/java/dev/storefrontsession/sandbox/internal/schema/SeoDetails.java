package dev.storefrontsession.sandbox.internal.schema;

/** GraphQL {@code SeoDetails}. */
public record SeoDetails(String pageTitle, String metaDescription, String metaKeywords) {}
