package dev.atelier.codeintel;

import java.time.Duration;

/**
 * Embeds the chunks that have no vector yet, in the background, on a bounded pool. The indexing
 * pipeline calls {@link #wake(long)} after it writes chunks; a run goes on until the org has no
 * pending chunk, then ends. Restarting (a new worker, a new process) resumes with what is missing:
 * "pending" is "has no row in chunk_vectors", and each batch is written in one transaction.
 */
public interface EmbeddingWorker extends AutoCloseable {

  /** Schedules a run for the org, or asks the running one to look again when it is done. */
  void wake(long orgId);

  /**
   * How far the org's chunks are embedded, from the database, plus the current run's rate and the
   * core (code outside tests) counts of its last plan, which the worker keeps up as it writes.
   */
  EmbeddingProgress progress(long orgId);

  /** Waits until no run is scheduled or running; false if the timeout came first. */
  boolean awaitIdle(Duration timeout) throws InterruptedException;

  /**
   * Stops: runs finish the batch they are on (writing it whole) and start no other. Waits up to
   * {@code timeout} for that; later wakes are ignored.
   */
  void stop(Duration timeout) throws InterruptedException;

  @Override
  void close();
}
