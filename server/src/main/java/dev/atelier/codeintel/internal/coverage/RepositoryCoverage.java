package dev.atelier.codeintel.internal.coverage;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.codeintel.TextIndexBacklog;
import dev.atelier.platform.Database;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How much of each repository the background work covers: chunks with a vector (semantic search)
 * and contents the trigram text index still has to take (text search is complete without it, only
 * slower). Chunks belong to blobs, which repositories share, so an org-wide count says nothing
 * about one repository: a small repository can be fully covered while a large one is at 5%.
 *
 * <p>The counts are kept per blob rather than counted over every chunk on each request (on the Go
 * standard library a COUNT joining 65,000 chunks to their vectors took 50 ms of CPU, and the status
 * endpoint and the embedding events asked for it twice a second while embedding). A blob's chunks
 * never change (contents are immutable), and its vectors only grow until it is complete, so a call
 * recounts the vectors of the blobs not yet complete, by the vectors' blob index, and only when the
 * org's vector count moved since the last call (none at all once everything is covered); the
 * repositories' blobs are read again only when a branch moves to another manifest. Everything is
 * read again now and then, for what this process cannot see (another node deleting vectors).
 */
public final class RepositoryCoverage {

  /** How often everything is counted again from scratch. */
  public static final Duration FULL_RECOUNT = Duration.ofMinutes(10);

  private static final int BATCH = 500;

  private final Sql sql;
  private final CurrentBlobs current;
  private final LongSupplier nanoClock;
  private final Map<Long, OrgCounts> orgs = new ConcurrentHashMap<>();

  /** What is known of one org, guarded by itself. */
  private static final class OrgCounts {
    CurrentBlobs.@Nullable Snapshot blobs;
    long countedAt;
    final Map<Long, Integer> chunks = new HashMap<>();
    final Map<Long, Integer> embedded = new HashMap<>();
    final Set<Long> incomplete = new HashSet<>();
    long vectors = -1;
    int lastRecounted;
  }

  public RepositoryCoverage(Database database) {
    this(database, System::nanoTime);
  }

  /** With the clock that decides when everything is counted again (tests move it). */
  public RepositoryCoverage(Database database, LongSupplier nanoClock) {
    requireNonNull(database, "database is null");
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.current = new CurrentBlobs(sql);
    this.nanoClock = nanoClock;
  }

  /**
   * Semantic coverage by repository id, for repositories with at least one indexed branch; the rate
   * is 0 (it belongs to the org's worker run, not to a repository).
   */
  public Map<Long, EmbeddingProgress> byRepository(long orgId) {
    OrgCounts counts = orgs.computeIfAbsent(orgId, id -> new OrgCounts());
    synchronized (counts) {
      CurrentBlobs.Snapshot blobs = refresh(orgId, counts);
      Map<Long, EmbeddingProgress> coverage = new LinkedHashMap<>();
      blobs
          .byRepository()
          .forEach((repository, held) -> {
            long total = 0;
            long done = 0;
            long coreTotal = 0;
            long coreDone = 0;
            for (Map.Entry<Long, Boolean> blob : held.core().entrySet()) {
              int chunks = counts.chunks.getOrDefault(blob.getKey(), 0);
              int embedded = counts.embedded.getOrDefault(blob.getKey(), 0);
              total += chunks;
              done += embedded;
              if (blob.getValue()) {
                coreTotal += chunks;
                coreDone += embedded;
              }
            }
            // A repository whose contents have no chunks at all has nothing to cover.
            if (total > 0) {
              coverage.put(repository, new EmbeddingProgress(total, done, 0, coreTotal, coreDone));
            }
          });
      return coverage;
    }
  }

  /**
   * The text index backlog by repository id, for repositories with at least one indexed branch: the
   * pending contents come from a partial index of only the pending rows, so this costs little more
   * than the repositories' blobs, which {@link #byRepository} keeps too.
   */
  public Map<Long, TextIndexBacklog> textBacklog(long orgId) {
    Set<Long> pending = new HashSet<>();
    if (sql.vendor() == DatabaseVendor.SQLITE) {
      sql.jdbc()
          .sql("SELECT blob_id FROM blob_parses WHERE org_id = ? AND text_indexed = 0")
          .param(orgId)
          .query(row -> {
            pending.add(row.getLong(1));
          });
    }
    OrgCounts counts = orgs.computeIfAbsent(orgId, id -> new OrgCounts());
    CurrentBlobs.Snapshot blobs;
    synchronized (counts) {
      blobs = blobs(orgId, counts);
    }
    Map<Long, TextIndexBacklog> backlog = new LinkedHashMap<>();
    blobs
        .byRepository()
        .forEach((repository, held) -> {
          long waiting = 0;
          for (Long blob : held.core().keySet()) {
            if (pending.contains(blob)) {
              waiting++;
            }
          }
          backlog.put(repository, new TextIndexBacklog(held.core().size(), waiting));
        });
    return backlog;
  }

  /**
   * Blobs whose vectors the last {@link #byRepository} call counted: the work it did, for tests and
   * benchmarks.
   */
  public int lastRecounted(long orgId) {
    OrgCounts counts = orgs.get(orgId);
    if (counts == null) {
      return 0;
    }
    synchronized (counts) {
      return counts.lastRecounted;
    }
  }

  private CurrentBlobs.Snapshot blobs(long orgId, OrgCounts counts) {
    String manifests = current.manifests(orgId);
    CurrentBlobs.Snapshot blobs = counts.blobs;
    if (blobs == null || !blobs.manifests().equals(manifests)) {
      blobs = current.read(orgId, manifests);
      counts.blobs = blobs;
    }
    return blobs;
  }

  private CurrentBlobs.Snapshot refresh(long orgId, OrgCounts counts) {
    CurrentBlobs.Snapshot before = counts.blobs;
    CurrentBlobs.Snapshot blobs = blobs(orgId, counts);
    long now = nanoClock.getAsLong();
    boolean full = before == null || now - counts.countedAt >= FULL_RECOUNT.toNanos();
    if (full || before != blobs) {
      Set<Long> held = blobs.blobs();
      counts.chunks.keySet().retainAll(held);
      counts.embedded.keySet().retainAll(held);
      counts.incomplete.retainAll(held);
      if (full) {
        counts.chunks.clear();
        counts.embedded.clear();
        counts.incomplete.clear();
        counts.countedAt = now;
      }
      List<Long> unknown = new ArrayList<>();
      for (Long blob : held) {
        if (!counts.chunks.containsKey(blob)) {
          unknown.add(blob);
        }
      }
      Map<Long, Integer> chunks = countPerBlob("chunks", orgId, unknown);
      for (Long blob : unknown) {
        int n = chunks.getOrDefault(blob, 0);
        counts.chunks.put(blob, n);
        if (n > 0) {
          counts.incomplete.add(blob);
        }
      }
    }
    counts.lastRecounted = 0;
    if (counts.incomplete.isEmpty()) {
      return blobs;
    }
    // Nothing embedded since the last count (before embedding starts, or between runs): the
    // per-blob counts still hold. One count over the vectors' index, instead of one per blob.
    long vectorsNow = vectorCount(orgId);
    if (!full && before == blobs && vectorsNow == counts.vectors) {
      return blobs;
    }
    counts.vectors = vectorsNow;
    counts.lastRecounted = counts.incomplete.size();
    Map<Long, Integer> vectors = countPerBlob("chunk_vectors", orgId, counts.incomplete);
    for (Long blob : List.copyOf(counts.incomplete)) {
      int done = vectors.getOrDefault(blob, 0);
      counts.embedded.put(blob, done);
      if (done >= counts.chunks.getOrDefault(blob, 0)) {
        counts.incomplete.remove(blob);
      }
    }
    return blobs;
  }

  private long vectorCount(long orgId) {
    return sql.jdbc()
        .sql("SELECT count(*) FROM chunk_vectors WHERE org_id = ?")
        .param(orgId)
        .query(Long.class)
        .single();
  }

  /** Rows per blob of {@code table} (chunks, or their vectors), by the table's blob index. */
  private Map<Long, Integer> countPerBlob(String table, long orgId, Collection<Long> blobs) {
    Map<Long, Integer> counts = new HashMap<>();
    List<Long> ids = List.copyOf(blobs);
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      List<Object> params = new ArrayList<>(batch.size() + 1);
      params.add(orgId);
      params.addAll(batch);
      sql.jdbc()
          .sql(
              "SELECT blob_id, count(*) FROM "
                  + table
                  + " WHERE org_id = ? AND blob_id IN ("
                  + String.join(",", Collections.nCopies(batch.size(), "?"))
                  + ") GROUP BY blob_id")
          .params(params)
          .query(row -> {
            counts.put(row.getLong(1), row.getInt(2));
          });
    }
    return counts;
  }
}
