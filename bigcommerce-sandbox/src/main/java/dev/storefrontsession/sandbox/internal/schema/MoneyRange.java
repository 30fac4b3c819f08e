package dev.storefrontsession.sandbox.internal.schema;

/** GraphQL {@code MoneyRange}. */
public record MoneyRange(Money min, Money max) {}
