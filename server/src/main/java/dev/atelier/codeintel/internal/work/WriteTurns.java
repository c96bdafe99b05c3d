package dev.atelier.codeintel.internal.work;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Turns at the database's write lock for the indexer's own writers, first come, first served.
 * SQLite lets one transaction write at a time and its busy handler sleeps and retries, so a writer
 * that commits and begins again at once (the text index, batch after batch) starved the resolver's
 * one large transaction for seconds; queueing here bounds that wait to one batch.
 */
public final class WriteTurns {

  private final ReentrantLock lock = new ReentrantLock(true);

  /** Runs {@code write} (one or more transactions) once it is this thread's turn. */
  public <T> T call(Supplier<T> write) {
    lock.lock();
    try {
      return write.get();
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code write} once it is this thread's turn. */
  public void run(Runnable write) {
    call(() -> {
      write.run();
      return null;
    });
  }
}
