package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.events.EventBus;
import dev.atelier.events.EventTopics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the indexer tells the world about a branch's index run, as events on the repository's topic
 * ({@code repo:ID}, see {@link #topic(RepositoryId)}), delivered to {@code GET /api/events}.
 *
 * <ul>
 *   <li>{@value #PROGRESS}: {@code {repository, branch, done, total}}, at most one per {@link
 *       #PROGRESS_INTERVAL} per branch (the first and the last always go out)
 *   <li>{@value #COMPLETED}: {@code {repository, branch, ...summary}}
 *   <li>{@value #FAILED}: {@code {repository, branch, message}}
 * </ul>
 */
public final class IndexEvents {

  public static final String PROGRESS = "index.progress";
  public static final String COMPLETED = "index.completed";
  public static final String FAILED = "index.failed";
  public static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);

  private record Key(RepositoryId repository, String branch) {}

  private final EventBus bus;
  private final Map<Key, Long> lastProgress = new ConcurrentHashMap<>();

  public IndexEvents(EventBus bus) {
    this.bus = requireNonNull(bus, "bus is null");
  }

  /** The topic of a repository's events, e.g. {@code repo:42}. */
  public static String topic(RepositoryId repository) {
    return EventTopics.repository(requireNonNull(repository, "repository is null").value());
  }

  /** {@code done} of {@code total} files are indexed; throttled per branch. */
  public void progress(long orgId, RepositoryId repository, String branch, int done, int total) {
    Key key = new Key(repository, requireNonNull(branch, "branch is null"));
    long now = System.nanoTime();
    boolean edge = done == 0 || done >= total;
    Long last = lastProgress.get(key);
    if (!edge && last != null && now - last < PROGRESS_INTERVAL.toNanos()) {
      return;
    }
    lastProgress.put(key, now);
    Map<String, Object> payload = base(repository, branch);
    payload.put("done", done);
    payload.put("total", total);
    // Progress is stale at once: live only, never replayed.
    bus.signal(orgId, topic(repository), PROGRESS, payload);
  }

  /** The run finished and the branch's manifest switched; {@code summary} adds counts etc. */
  public void completed(
      long orgId, RepositoryId repository, String branch, Map<String, ?> summary) {
    lastProgress.remove(new Key(repository, branch));
    Map<String, Object> payload = base(repository, branch);
    summary.forEach((name, value) -> {
      if (!payload.containsKey(name)) {
        payload.put(name, value);
      }
    });
    bus.publish(orgId, topic(repository), COMPLETED, payload);
  }

  /** The run failed; the previous manifest stays current. */
  public void failed(long orgId, RepositoryId repository, String branch, String message) {
    lastProgress.remove(new Key(repository, branch));
    Map<String, Object> payload = base(repository, branch);
    payload.put("message", requireNonNull(message, "message is null"));
    bus.publish(orgId, topic(repository), FAILED, payload);
  }

  private static Map<String, Object> base(RepositoryId repository, String branch) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("repository", repository.value());
    payload.put("branch", requireNonNull(branch, "branch is null"));
    return payload;
  }
}
