package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.EmbeddingListener;
import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.events.EventBus;
import dev.atelier.repos.IndexEvents;
import dev.atelier.repos.RepositoryId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Publishes embedding progress ({@code embeddings.progress}) on each repository's topic with that
 * repository's own coverage, at most twice a second per org and always when the backlog empties, so
 * a client can show how much of each repository semantic search covers. The worker reports the
 * org's figures; a repository's are counted from the database when an event goes out.
 */
final class EmbeddingEvents implements EmbeddingListener {

  static final String PROGRESS = "embeddings.progress";
  private static final long INTERVAL_NANOS = 500_000_000L;

  private final EventBus bus;
  private final LongFunction<Map<Long, EmbeddingProgress>> coverage;
  private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();

  /** {@code coverage}: an org's coverage by repository id. */
  EmbeddingEvents(EventBus bus, LongFunction<Map<Long, EmbeddingProgress>> coverage) {
    this.bus = bus;
    this.coverage = coverage;
  }

  @Override
  public void onProgress(long orgId, EmbeddingProgress progress) {
    long now = System.nanoTime();
    Long last = lastSent.get(orgId);
    if (!progress.complete() && last != null && now - last < INTERVAL_NANOS) {
      return;
    }
    lastSent.put(orgId, now);
    double rate = Math.round(progress.chunksPerSecond() * 10) / 10.0;
    coverage
        .apply(orgId)
        .forEach((repository, covered) -> {
          Map<String, Object> payload = new LinkedHashMap<>();
          payload.put("repository", repository);
          payload.put("total", covered.total());
          payload.put("done", covered.done());
          payload.put("coreTotal", covered.coreTotal());
          payload.put("coreDone", covered.coreDone());
          // The worker's rate is the org's: repositories share one run.
          payload.put("chunksPerSecond", rate);
          bus.signal(orgId, IndexEvents.topic(new RepositoryId(repository)), PROGRESS, payload);
        });
  }
}
