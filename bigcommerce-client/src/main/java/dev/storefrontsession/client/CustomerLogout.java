package dev.storefrontsession.client;

/**
 * A completed sign-out.
 *
 * @param result BigCommerce's {@code logout.result} text
 * @param unassignedCartId the cart that became a guest cart again (keep it in the browser), or null
 *     when the store keeps the cart with the customer (persistent cart) or no cart was sent
 */
public record CustomerLogout(String result, String unassignedCartId) {}
