package dev.atelier.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The debouncer on a hand-driven clock: no sleeping, every step deterministic. */
class ChangeDebouncerTest {

  private static final RepositoryId REPO = new RepositoryId(7);
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final Duration MAX = Duration.ofSeconds(10);

  /** A virtual clock; due tasks run on the calling thread when time is advanced. */
  static final class ManualTimer implements ChangeDebouncer.Timer {
    private record Task(
        long at, long seq, Runnable task, java.util.concurrent.atomic.AtomicBoolean cancelled) {}

    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private long seq;

    @Override
    public synchronized long nanoTime() {
      return now;
    }

    @Override
    public synchronized Runnable schedule(Runnable task, Duration delay) {
      var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
      tasks.add(new Task(now + delay.toNanos(), seq++, task, cancelled));
      return () -> cancelled.set(true);
    }

    void advance(Duration by) {
      long target;
      synchronized (this) {
        target = now + by.toNanos();
      }
      while (true) {
        Task next;
        synchronized (this) {
          next =
              tasks.stream()
                  .filter(t -> t.at() <= target)
                  .min(Comparator.comparingLong(Task::at).thenComparingLong(Task::seq))
                  .orElse(null);
          if (next == null) {
            now = target;
            return;
          }
          tasks.remove(next);
          now = Math.max(now, next.at());
        }
        if (!next.cancelled().get()) {
          next.task().run();
        }
      }
    }
  }

  private final ManualTimer timer = new ManualTimer();
  private final List<BranchChanges> flushed = new CopyOnWriteArrayList<>();

  private ChangeDebouncer debouncer(BranchChangeHandler handler) {
    return new ChangeDebouncer(handler, QUIET, MAX, Duration.ofSeconds(30), timer, Runnable::run);
  }

  private static BranchChanges change(String branch, String... paths) {
    Set<RepoPath> set = new java.util.HashSet<>();
    for (String path : paths) {
      set.add(RepoPath.of(path));
    }
    return BranchChanges.of(REPO, branch, set);
  }

  private static Set<RepoPath> paths(String... paths) {
    Set<RepoPath> set = new java.util.TreeSet<>();
    for (String path : paths) {
      set.add(RepoPath.of(path));
    }
    return set;
  }

  @Test
  void coalescesABurstIntoOneFlushAfterTheQuietPeriod() {
    ChangeDebouncer debouncer = debouncer(flushed::add);
    debouncer.submit(change("main", "a.java"));
    timer.advance(Duration.ofMillis(500));
    debouncer.submit(change("main", "b.java", "a.java"));
    timer.advance(Duration.ofMillis(500));
    debouncer.submit(change("main", "c.java"));

    timer.advance(Duration.ofMillis(1999));
    assertThat(flushed).isEmpty();

    timer.advance(Duration.ofMillis(1));
    assertThat(flushed).hasSize(1);
    assertThat(flushed.getFirst().paths()).isEqualTo(paths("a.java", "b.java", "c.java"));
    assertThat(flushed.getFirst().fullRescan()).isFalse();
    assertThat(debouncer.pendingBranches()).isZero();
  }

  @Test
  void keepsBranchesApart() {
    ChangeDebouncer debouncer = debouncer(flushed::add);
    debouncer.submit(change("main", "a.java"));
    debouncer.submit(change("dev", "b.java"));

    timer.advance(QUIET);

    assertThat(flushed)
        .extracting(BranchChanges::branch, BranchChanges::paths)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("main", paths("a.java")),
            org.assertj.core.groups.Tuple.tuple("dev", paths("b.java")));
  }

  @Test
  void flushesAfterTheMaxDelayUnderContinuousChange() {
    ChangeDebouncer debouncer = debouncer(flushed::add);
    for (int second = 0; second < 10; second++) {
      debouncer.submit(change("main", "f" + second + ".java"));
      timer.advance(Duration.ofSeconds(1));
    }
    assertThat(flushed).hasSize(1);
    assertThat(flushed.getFirst().paths()).hasSize(10);

    debouncer.submit(change("main", "late.java"));
    timer.advance(QUIET);
    assertThat(flushed).hasSize(2);
    assertThat(flushed.get(1).paths()).isEqualTo(paths("late.java"));
  }

  @Test
  void aFullRescanAbsorbsPathsBeforeAndAfterIt() {
    ChangeDebouncer debouncer = debouncer(flushed::add);
    debouncer.submit(change("main", "a.java"));
    debouncer.submit(BranchChanges.full(REPO, "main"));
    debouncer.submit(change("main", "b.java"));

    timer.advance(QUIET);

    assertThat(flushed)
        .singleElement()
        .satisfies(c -> {
          assertThat(c.fullRescan()).isTrue();
          assertThat(c.paths()).isEmpty();
        });
  }

  @Test
  void aHandlerFailureKeepsTheChangesAndRetriesThemWithWhatArrivedMeanwhile() {
    AtomicInteger calls = new AtomicInteger();
    ChangeDebouncer debouncer =
        debouncer(changes -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("database down");
          }
          flushed.add(changes);
        });
    debouncer.submit(change("main", "a.java"));
    timer.advance(QUIET);
    assertThat(calls).hasValue(1);
    assertThat(debouncer.pendingBranches()).isOne();

    debouncer.submit(change("main", "b.java"));
    timer.advance(Duration.ofSeconds(2));
    assertThat(flushed).as("still backing off").isEmpty();

    timer.advance(Duration.ofSeconds(30));
    assertThat(flushed)
        .singleElement()
        .satisfies(c -> assertThat(c.paths()).isEqualTo(paths("a.java", "b.java")));
    assertThat(debouncer.pendingBranches()).isZero();
  }

  @Test
  void runsOneFlushPerBranchAtATimeAndQueuesChangesThatArriveDuringIt() throws Exception {
    CountDownLatch inFlush = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    ChangeDebouncer debouncer =
        new ChangeDebouncer(
            changes -> {
              maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
              flushed.add(changes);
              inFlush.countDown();
              if (flushed.size() == 1) {
                release.await();
              }
              concurrent.decrementAndGet();
            },
            QUIET,
            MAX,
            Duration.ofSeconds(30),
            timer,
            task -> Thread.ofVirtual().start(task));
    debouncer.submit(change("main", "a.java"));
    timer.advance(QUIET);
    assertThat(inFlush.await(5, TimeUnit.SECONDS)).isTrue();

    debouncer.submit(change("main", "b.java"));
    timer.advance(Duration.ofSeconds(20));
    assertThat(flushed).hasSize(1);

    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (flushed.size() < 2 && System.nanoTime() < deadline) {
      timer.advance(Duration.ofMillis(100));
      Thread.sleep(5);
    }
    assertThat(flushed).hasSize(2);
    assertThat(flushed.get(1).paths()).isEqualTo(paths("b.java"));
    assertThat(maxConcurrent).hasValue(1);
  }

  @Test
  void turnsTooManyPendingPathsIntoAFullRescan() {
    ChangeDebouncer debouncer = debouncer(flushed::add);
    Set<RepoPath> many = new java.util.HashSet<>();
    for (int i = 0; i <= ChangeDebouncer.MAX_PENDING_PATHS; i++) {
      many.add(RepoPath.of("f" + i));
    }
    debouncer.submit(BranchChanges.of(REPO, "main", many));
    timer.advance(QUIET);

    assertThat(flushed).singleElement().extracting(BranchChanges::fullRescan).isEqualTo(true);
  }

  @Test
  void refusesChangesAfterCloseAndNeverFlushesThem() {
    ChangeDebouncer debouncer = debouncer(flushed::add);
    debouncer.submit(change("main", "a.java"));
    debouncer.close();
    timer.advance(QUIET);

    assertThat(flushed).isEmpty();
    assertThatThrownBy(() -> debouncer.submit(change("main", "b.java")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void startedOnRealThreadsFlushesAndClosesCleanly() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try (ChangeDebouncer debouncer =
        ChangeDebouncer.start(
            changes -> {
              flushed.add(changes);
              done.countDown();
            },
            Duration.ofMillis(50),
            Duration.ofMillis(200))) {
      debouncer.submit(change("main", "a.java"));
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(flushed).singleElement().extracting(BranchChanges::paths).isEqualTo(paths("a.java"));
  }
}
