package dev.storefrontsession.client;

/**
 * The signed-in customer as the login mutations return it. Names and email may be null if
 * BigCommerce omits them.
 */
public record Customer(long entityId, String firstName, String lastName, String email) {}
