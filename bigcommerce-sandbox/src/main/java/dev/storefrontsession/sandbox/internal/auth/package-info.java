/**
 * Authentication in the sandbox: passwords (bcrypt) and their policy, customer access tokens,
 * Customer Login JWT checks, password resets, the login throttle and who the requester is.
 */
@NullMarked
package dev.storefrontsession.sandbox.internal.auth;

import org.jspecify.annotations.NullMarked;
