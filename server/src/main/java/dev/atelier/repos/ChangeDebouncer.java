package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces change notifications per branch and hands them to a {@link BranchChangeHandler} once
 * the branch has been quiet for {@code quietPeriod}, or at the latest {@code maxDelay} after the
 * first pending change, so a tree that never stops changing is still indexed.
 *
 * <ul>
 *   <li>At most one flush per branch runs at a time; changes that arrive during a flush wait for
 *       the next one.
 *   <li>When the handler throws, its changes go back to the pending set and are retried with a
 *       growing back-off (up to {@code maxRetryDelay}); nothing is dropped.
 *   <li>More than {@value #MAX_PENDING_PATHS} pending paths of one branch turn into a full rescan.
 * </ul>
 *
 * <p>Time and threads come in through {@link Timer} and an {@link Executor}, so tests drive it
 * without sleeping. Thread-safe.
 */
public final class ChangeDebouncer implements AutoCloseable {

  /** Pending paths per branch beyond which a full rescan is cheaper than the list. */
  public static final int MAX_PENDING_PATHS = 50_000;

  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(2);
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(10);
  public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(ChangeDebouncer.class);

  /** Where the debouncer gets the time and schedules its wake-ups. */
  public interface Timer {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Runnable schedule(Runnable task, Duration delay);
  }

  private record Key(long orgId, RepositoryId repository, String branch) {}

  /** The pending and running state of one branch; guarded by the debouncer's lock. */
  private static final class Pending {
    final Set<RepoPath> paths = new TreeSet<>();
    boolean full;
    boolean hasChanges;
    long firstAt;
    long lastAt;
    long notBefore = Long.MIN_VALUE;
    int failures;
    boolean running;
    @Nullable Runnable cancelTimer;

    void add(Set<RepoPath> more, boolean fullRescan) {
      if (fullRescan || full) {
        full = true;
        paths.clear();
      } else {
        paths.addAll(more);
        if (paths.size() > MAX_PENDING_PATHS) {
          full = true;
          paths.clear();
        }
      }
      hasChanges = true;
    }
  }

  private final BranchChangeHandler handler;
  private final long quietNanos;
  private final long maxDelayNanos;
  private final long maxRetryNanos;
  private final Timer timer;
  private final Executor executor;
  private final @Nullable Runnable onClose;
  private final Object lock = new Object();
  private final Map<Key, Pending> branches = new HashMap<>();
  private int running;
  private boolean closed;

  /**
   * A debouncer with explicit time and threads (for tests, or to share a scheduler).
   *
   * @param handler receives the flushed changes
   * @param quietPeriod how long a branch must be quiet before its changes are flushed
   * @param maxDelay the longest a change waits under continuous change
   * @param maxRetryDelay the longest back-off between retries after the handler failed
   * @param timer the clock and scheduler
   * @param executor runs the handler
   */
  public ChangeDebouncer(
      BranchChangeHandler handler,
      Duration quietPeriod,
      Duration maxDelay,
      Duration maxRetryDelay,
      Timer timer,
      Executor executor) {
    this(handler, quietPeriod, maxDelay, maxRetryDelay, timer, executor, null);
  }

  private ChangeDebouncer(
      BranchChangeHandler handler,
      Duration quietPeriod,
      Duration maxDelay,
      Duration maxRetryDelay,
      Timer timer,
      Executor executor,
      @Nullable Runnable onClose) {
    this.handler = requireNonNull(handler, "handler is null");
    this.timer = requireNonNull(timer, "timer is null");
    this.executor = requireNonNull(executor, "executor is null");
    if (quietPeriod.isNegative() || quietPeriod.isZero()) {
      throw new IllegalArgumentException("quietPeriod must be positive: " + quietPeriod);
    }
    if (maxDelay.compareTo(quietPeriod) < 0) {
      throw new IllegalArgumentException(
          "maxDelay " + maxDelay + " is shorter than the quiet period " + quietPeriod);
    }
    this.quietNanos = quietPeriod.toNanos();
    this.maxDelayNanos = maxDelay.toNanos();
    this.maxRetryNanos = Math.max(maxRetryDelay.toNanos(), quietNanos);
    this.onClose = onClose;
  }

  /**
   * A debouncer on its own scheduler thread, running the handler on a thread per flush; {@link
   * #close()} stops both.
   */
  public static ChangeDebouncer start(
      BranchChangeHandler handler, Duration quietPeriod, Duration maxDelay) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("atelier-debouncer").daemon().factory());
    // Platform threads: a flush is long native (SQLite, tree-sitter) work, which on a virtual
    // thread waited seconds for a carrier that search requests were holding.
    ExecutorService flushes =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("atelier-flush-", 0).daemon().factory());
    Timer timer =
        new Timer() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public Runnable schedule(Runnable task, Duration delay) {
            ScheduledFuture<?> future =
                scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
          }
        };
    return new ChangeDebouncer(
        handler,
        quietPeriod,
        maxDelay,
        DEFAULT_MAX_RETRY_DELAY,
        timer,
        flushes,
        () -> {
          scheduler.shutdownNow();
          flushes.shutdown();
          try {
            if (!flushes.awaitTermination(10, TimeUnit.SECONDS)) {
              log.warn("a change flush is still running after 10 s; not waiting for it");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /** How long a branch must be quiet before its changes are flushed. */
  public Duration quietPeriod() {
    return Duration.ofNanos(quietNanos);
  }

  /**
   * Adds changes to their branch's pending set. Returns at once; the handler sees them later.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public void submit(BranchChanges changes) {
    requireNonNull(changes, "changes is null");
    Key key = new Key(changes.orgId(), changes.repository(), changes.branch());
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the change debouncer is closed");
      }
      long now = timer.nanoTime();
      Pending pending = branches.computeIfAbsent(key, k -> new Pending());
      if (!pending.hasChanges) {
        pending.firstAt = now;
      }
      pending.lastAt = now;
      pending.add(changes.paths(), changes.fullRescan());
      if (!pending.running) {
        schedule(key, pending, now);
      }
    }
  }

  /** Branches with changes waiting or being flushed, for status and tests. */
  public int pendingBranches() {
    synchronized (lock) {
      return branches.size();
    }
  }

  /** Must hold the lock. (Re)arms the branch's timer for its next due time. */
  private void schedule(Key key, Pending pending, long now) {
    if (pending.cancelTimer != null) {
      pending.cancelTimer.run();
      pending.cancelTimer = null;
    }
    long due =
        Math.max(
            pending.notBefore,
            Math.min(pending.lastAt + quietNanos, pending.firstAt + maxDelayNanos));
    long delay = Math.max(0, due - now);
    pending.cancelTimer = timer.schedule(() -> due(key), Duration.ofNanos(delay));
  }

  private void due(Key key) {
    BranchChanges batch;
    synchronized (lock) {
      Pending pending = branches.get(key);
      if (closed || pending == null || pending.running || !pending.hasChanges) {
        return;
      }
      pending.cancelTimer = null;
      long now = timer.nanoTime();
      long due =
          Math.max(
              pending.notBefore,
              Math.min(pending.lastAt + quietNanos, pending.firstAt + maxDelayNanos));
      if (now < due) {
        schedule(key, pending, now);
        return;
      }
      batch =
          pending.full
              ? BranchChanges.full(key.orgId(), key.repository(), key.branch())
              : BranchChanges.of(
                  key.orgId(), key.repository(), key.branch(), Set.copyOf(pending.paths));
      pending.paths.clear();
      pending.full = false;
      pending.hasChanges = false;
      pending.running = true;
      running++;
    }
    try {
      executor.execute(() -> flush(key, batch));
    } catch (RuntimeException e) {
      // The executor is shut down or full: keep the changes for the next attempt.
      finish(key, batch, e);
    }
  }

  private void flush(Key key, BranchChanges batch) {
    Throwable failure = null;
    try {
      handler.onChanges(batch);
    } catch (Throwable e) {
      failure = e;
      if (e instanceof VirtualMachineError fatal) {
        finish(key, batch, e);
        throw fatal;
      }
    }
    finish(key, batch, failure);
  }

  private void finish(Key key, BranchChanges batch, @Nullable Throwable failure) {
    synchronized (lock) {
      running--;
      lock.notifyAll();
      Pending pending = branches.get(key);
      if (pending == null) {
        return;
      }
      pending.running = false;
      long now = timer.nanoTime();
      if (failure != null) {
        pending.failures++;
        long backoff = Math.min(maxRetryNanos, quietNanos << Math.min(pending.failures, 20));
        pending.notBefore = now + backoff;
        if (!pending.hasChanges) {
          pending.firstAt = now;
          pending.lastAt = now;
        }
        pending.add(batch.paths(), batch.fullRescan());
        log.warn(
            "indexing {} changes of repository {} branch {} failed (attempt {}); retrying in {} ms",
            batch.fullRescan() ? "all" : String.valueOf(batch.paths().size()),
            key.repository(),
            key.branch(),
            pending.failures,
            TimeUnit.NANOSECONDS.toMillis(backoff),
            failure);
      } else {
        pending.failures = 0;
        pending.notBefore = Long.MIN_VALUE;
      }
      if (closed) {
        return;
      }
      if (pending.hasChanges) {
        schedule(key, pending, now);
      } else {
        branches.remove(key);
      }
    }
  }

  /**
   * Stops accepting changes, cancels the timers and waits briefly for running flushes. Changes
   * still pending are logged and dropped: the next start rescans what it needs.
   */
  @Override
  public void close() {
    List<String> dropped = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      for (Map.Entry<Key, Pending> entry : branches.entrySet()) {
        Pending pending = entry.getValue();
        if (pending.cancelTimer != null) {
          pending.cancelTimer.run();
        }
        if (pending.hasChanges) {
          dropped.add(entry.getKey().repository() + "/" + entry.getKey().branch());
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (running > 0 && System.nanoTime() < deadline && onClose == null) {
        try {
          lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (onClose != null) {
      onClose.run();
    }
    if (!dropped.isEmpty()) {
      log.info(
          "closing with unflushed changes of {}; they are picked up on the next index", dropped);
    }
  }
}
