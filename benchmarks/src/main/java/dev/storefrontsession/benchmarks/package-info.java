/**
 * Benchmarks of {@code bin/bench}: the JMH codec benchmark ({@link
 * dev.storefrontsession.benchmarks.SessionCodecBenchmark}) and the load suites ({@link
 * dev.storefrontsession.benchmarks.Bench}): request overhead of the session layer, guest cache,
 * memory per shopper, start-up and login latency, with a raw-socket load generator ({@link
 * dev.storefrontsession.benchmarks.LoadDriver}) and JFR summaries ({@link
 * dev.storefrontsession.benchmarks.JfrSummary}).
 */
@NullMarked
package dev.storefrontsession.benchmarks;

import org.jspecify.annotations.NullMarked;
