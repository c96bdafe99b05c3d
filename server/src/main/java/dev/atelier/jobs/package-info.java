/**
 * The durable job queue with retries, backoff, dead letters and schedules: a local table or Redis
 * Streams.
 */
@NullMarked
package dev.atelier.jobs;

import org.jspecify.annotations.NullMarked;
