package dev.atelier.codeintel.internal.graph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded graph of each branch, keyed by the manifest it was read from: a new index run makes a
 * new manifest and the next call loads again (the old graph is dropped). Concurrent first calls
 * share one load.
 */
public final class GraphCache {

  private record BranchKey(long orgId, long branchId) {}

  private record Entry(
      long manifestId, CompletableFuture<BranchGraph> graph, AtomicBoolean claimed) {}

  private static final Logger log = LoggerFactory.getLogger(GraphCache.class);

  private final GraphLoader loader;
  private final ConcurrentMap<BranchKey, Entry> entries = new ConcurrentHashMap<>();

  public GraphCache(GraphLoader loader) {
    this.loader = loader;
  }

  public BranchGraph graph(long orgId, long branchId, long manifestId) {
    BranchKey key = new BranchKey(orgId, branchId);
    Entry entry =
        entries.compute(
            key,
            (k, old) ->
                old != null && old.manifestId() == manifestId
                    ? old
                    : new Entry(manifestId, new CompletableFuture<>(), new AtomicBoolean()));
    if (entry.claimed().compareAndSet(false, true)) {
      try {
        long start = System.nanoTime();
        BranchGraph graph = loader.load(orgId, branchId);
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
