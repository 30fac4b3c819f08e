/**
 * The sandbox's database: records, repositories over JDBC, transactions, the demo catalog and
 * opening (and migrating) the H2 or PostgreSQL database.
 */
@NullMarked
package dev.storefrontsession.sandbox.internal.store;

import org.jspecify.annotations.NullMarked;
