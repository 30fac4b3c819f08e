/**
 * Helpers of the load suites: argument parsing, the in-process storefront and its test pages, the
 * counting proxy, GC and report output. Not an API.
 */
@NullMarked
package dev.storefrontsession.benchmarks.internal;

import org.jspecify.annotations.NullMarked;
