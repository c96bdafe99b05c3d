package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.platform.AtelierException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many regular-expression searches run at once: a caller waits briefly for a turn and is
 * otherwise told the server is busy (503), so a burst of costly patterns cannot take every core.
 */
final class RegexGate {

  private final Semaphore turns;
  private final long waitMillis;

  RegexGate(int atOnce, long waitMillis) {
    this.turns = new Semaphore(atOnce, true);
    this.waitMillis = waitMillis;
  }

  <T> T run(Supplier<T> search) {
    boolean acquired;
    try {
      acquired = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new AtelierException(
          CodeIntelError.SEARCH_BUSY,
          "too many regular-expression searches are running; try again in a moment");
    }
    try {
      return search.get();
    } finally {
      turns.release();
    }
  }
}
