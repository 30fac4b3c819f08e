/** Auth.js v5 compatible session cookie codec. */
@NullMarked
package dev.storefrontsession.core;

import org.jspecify.annotations.NullMarked;
