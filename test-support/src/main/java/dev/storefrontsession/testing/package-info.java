/**
 * Test helpers shared by every module: {@link dev.storefrontsession.testing.ShopperClient} (one
 * shopper over real HTTP), {@link dev.storefrontsession.testing.FaultyProxy} (a fault-injecting,
 * recording and counting proxy in front of a store) and {@link
 * dev.storefrontsession.testing.MutableClock} (a clock tests move). JDK only.
 */
@NullMarked
package dev.storefrontsession.testing;

import org.jspecify.annotations.NullMarked;
