package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.internal.cache.CacheFolder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded graph of each branch, keyed by the manifest it was read from and a fingerprint of the
 * resolved files: a new index run (a new, larger manifest id) or a finished resolution makes the
 * next call load again, and the old graph is dropped (a call still holding an older manifest id
 * gets the newer graph). Concurrent first calls share one load.
 */
public final class GraphCache {

  private record BranchKey(long orgId, long branchId) {}

  private record Entry(
      long manifestId,
      String fingerprint,
      CompletableFuture<BranchGraph> graph,
      AtomicBoolean claimed,
      AtomicLong lastUsed) {}

  /**
   * Graphs kept at once (a large repository's takes a few hundred MB of heap at most); the least
   * recently used goes.
   */
  private static final int MAX_BRANCHES = 8;

  private static final Logger log = LoggerFactory.getLogger(GraphCache.class);

  private final GraphLoader loader;
  private final CacheFolder files;
  private final ConcurrentMap<BranchKey, Entry> entries = new ConcurrentHashMap<>();

  public GraphCache(GraphLoader loader, CacheFolder files) {
    this.loader = loader;
    this.files = files;
  }

  public BranchGraph graph(long orgId, long branchId, long manifestId) {
    BranchKey key = new BranchKey(orgId, branchId);
    String fingerprint = loader.fingerprint(orgId, branchId);
    Entry entry =
        entries.compute(
            key,
            (k, old) ->
                old != null
                        && (old.manifestId() > manifestId
                            || old.manifestId() == manifestId
                                && old.fingerprint().equals(fingerprint))
                    ? old
                    : new Entry(
                        manifestId,
                        fingerprint,
                        new CompletableFuture<>(),
                        new AtomicBoolean(),
                        new AtomicLong()));
    entry.lastUsed().set(System.nanoTime());
    if (entries.size() > MAX_BRANCHES) {
      entries.entrySet().stream()
          .filter(e -> e.getValue() != entry)
          .min(java.util.Comparator.comparingLong(e -> e.getValue().lastUsed().get()))
          .ifPresent(e -> entries.remove(e.getKey(), e.getValue()));
    }
    if (entry.claimed().compareAndSet(false, true)) {
      try {
        long start = System.nanoTime();
        // Another process may have read the same state already: its file is keyed by what the
        // arrays were read from (manifest and resolved files), so it is reused only when equal.
        BranchGraph graph =
            files
                .readOrBuild(
                    "graph-" + orgId + "-" + branchId,
                    "graph branch "
                        + branchId
                        + " "
                        + loader.manifestKey(orgId, manifestId)
                        + " files "
                        + fingerprint,
                    GraphArrays::read,
                    () -> loader.arrays(orgId, branchId),
                    GraphArrays::write)
                .graph();
        log.info(
            "graph of branch {} (manifest {}) loaded in {} ms: {} files, {} symbols, {} file edges,"
                + " {} reference edges",
            branchId,
            manifestId,
            (System.nanoTime() - start) / 1_000_000,
            graph.fileCount(),
            graph.symbolCount(),
            graph.fileEdgeCount(),
            graph.referenceEdgeCount());
        entry.graph().complete(graph);
      } catch (RuntimeException | Error e) {
        entries.remove(key, entry);
        entry.graph().completeExceptionally(e);
      }
    }
    try {
      return entry.graph().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
