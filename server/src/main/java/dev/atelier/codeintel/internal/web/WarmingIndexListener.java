package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.IndexListener;
import dev.atelier.codeintel.IndexSummary;
import dev.atelier.codeintel.SemanticSearch;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Branches;
import dev.atelier.repos.Repository;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After index runs, builds the semantic-search index of the branch's current manifest in the
 * background, so an agent's first {@code semantic_search} answers in milliseconds instead of
 * seconds. Runs settle first and coalesce per branch: building the index of a large tree takes
 * seconds of CPU, and building it after every save of a burst of edits (on the virtual threads that
 * also serve requests) held searches up for seconds.
 */
final class WarmingIndexListener implements IndexListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WarmingIndexListener.class);

  private final Branches branches;
  private final BiConsumer<Repository, Branch> warm;
  private final Duration settle;
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("atelier-warm-search").daemon().factory());
  private final Map<String, Future<?>> pending = new ConcurrentHashMap<>();

  /**
   * @param warm builds a branch's index ({@link SemanticSearch#warm})
   * @param settle how long a branch goes without another completed run before its index is built
   */
  WarmingIndexListener(Branches branches, BiConsumer<Repository, Branch> warm, Duration settle) {
    this.branches = branches;
    this.warm = warm;
    this.settle = settle;
  }

  @Override
  public void completed(Repository repository, IndexSummary summary) {
    String key = repository.id().value() + "\0" + summary.branch();
    Future<?> next =
        worker.schedule(
            () -> warm(repository, summary.branch()), settle.toMillis(), TimeUnit.MILLISECONDS);
    Future<?> previous = pending.put(key, next);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  private void warm(Repository repository, String branch) {
    try {
      branches
          .find(repository.orgId(), repository.id(), branch)
          .filter(b -> b.manifestId() != null)
          .ifPresent(b -> warm.accept(repository, b));
    } catch (RuntimeException e) {
      // Only the first query gets slower; the index builds again on demand.
      log.warn("could not prepare the search index of {}", repository.name(), e);
    }
  }

  /**
   * Waits until every warm scheduled so far has run or been dropped: a marker scheduled with the
   * same delay runs after them on the one thread (tests).
   */
  void awaitSettled() throws Exception {
    worker.schedule(() -> {}, settle.toMillis(), TimeUnit.MILLISECONDS).get(1, TimeUnit.MINUTES);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
