package dev.atelier.codeintel.internal.work;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One background thread for one kind of database work, so two such jobs never interleave; jobs for
 * the same key coalesce while one is queued, and {@link #busy()} tells others to hold back.
 */
public final class SingleWorker implements AutoCloseable {

  private static final System.Logger log = System.getLogger(SingleWorker.class.getName());

  private final String name;
  private final ExecutorService thread;
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private final AtomicInteger active = new AtomicInteger();

  public SingleWorker(String name) {
    this.name = name;
    this.thread =
        Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
  }

  /** Runs {@code job} soon unless one for the same key is still queued; failures are logged. */
  public void schedule(long key, Runnable job) {
    if (!queued.add(key)) {
      return;
    }
    thread.execute(() -> {
      queued.remove(key);
      active.incrementAndGet();
      try {
        job.run();
      } catch (RuntimeException e) {
        log.log(System.Logger.Level.WARNING, name + " job for " + key + " failed", e);
      } finally {
        active.decrementAndGet();
      }
    });
  }

  /** Runs {@code job} on the worker after what is queued, and waits for its result. */
  public <T> T call(Callable<T> job) throws InterruptedException {
    try {
      return thread
          .submit(() -> {
            active.incrementAndGet();
            try {
              return job.call();
            } finally {
              active.decrementAndGet();
            }
          })
          .get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(name + " failed", e.getCause());
    }
  }

  /** Waits until everything queued so far has run. */
  public void await() throws InterruptedException {
    call(() -> Boolean.TRUE);
  }

  public boolean busy() {
    return active.get() > 0 || !queued.isEmpty();
  }

  /** Interrupts the running job (its transaction rolls back) and waits briefly for it. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
