package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.EmbeddingListener;
import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.events.EventBus;
import dev.atelier.repos.IndexEvents;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes embedding progress ({@code embeddings.progress}) on the topics of the org's
 * repositories, at most twice a second per org and always when the backlog empties, so a client can
 * show how much of the code semantic search covers.
 */
final class EmbeddingEvents implements EmbeddingListener {

  static final String PROGRESS = "embeddings.progress";
  private static final long INTERVAL_NANOS = 500_000_000L;

  private final EventBus bus;
  private final ReposStorage repos;
  private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();

  EmbeddingEvents(EventBus bus, ReposStorage repos) {
    this.bus = bus;
    this.repos = repos;
  }

  @Override
  public void onProgress(long orgId, EmbeddingProgress progress) {
    long now = System.nanoTime();
    Long last = lastSent.get(orgId);
    if (!progress.complete() && last != null && now - last < INTERVAL_NANOS) {
      return;
    }
    lastSent.put(orgId, now);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("total", progress.total());
    payload.put("done", progress.done());
    payload.put("coreTotal", progress.coreTotal());
    payload.put("coreDone", progress.coreDone());
    payload.put("chunksPerSecond", Math.round(progress.chunksPerSecond() * 10) / 10.0);
    for (Repository repository : repos.repositories().list(orgId)) {
      bus.publish(IndexEvents.topic(repository.id()), PROGRESS, payload);
    }
  }
}
