package dev.atelier.chat.internal;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a chat write transaction again when SQLite answers SQLITE_BUSY at once. Its busy timeout
 * makes writers wait for each other, but SQLite refuses without waiting when waiting could deadlock
 * (a transaction whose snapshot another writer has since moved past) — seen while the workspace
 * index writes beside a burst of posts. The refused transaction rolled back, so running it again is
 * safe; PostgreSQL never needs this.
 */
final class BusyRetry {

  static final int ATTEMPTS = 5;

  private BusyRetry() {}

  static <T> T call(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !busy(e)) {
          throw e;
        }
        try {
          Thread.sleep(10L << attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  static void run(Runnable transaction) {
    call(() -> {
      transaction.run();
      return Boolean.TRUE;
    });
  }

  private static boolean busy(Throwable failure) {
    for (@Nullable Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && (sql.getErrorCode() == 5
              || (sql.getMessage() != null && sql.getMessage().contains("SQLITE_BUSY")))) {
        return true;
      }
    }
    return false;
  }
}
