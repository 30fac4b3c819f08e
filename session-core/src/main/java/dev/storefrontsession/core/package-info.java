/** Auth.js v5 compatible session cookie codec. */
package dev.storefrontsession.core;
