/** The sandbox's use cases (carts, customers, login, wishlists), each in one transaction. */
@NullMarked
package dev.storefrontsession.sandbox.internal.service;

import org.jspecify.annotations.NullMarked;
