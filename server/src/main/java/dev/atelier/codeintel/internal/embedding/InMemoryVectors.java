package dev.atelier.codeintel.internal.embedding;

import dev.atelier.codeintel.VectorFilter;
import dev.atelier.codeintel.VectorHit;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * One org's vectors in memory, by ordinal. Searches are exact (a scan of dot products over unit
 * vectors) while fewer than {@code exactThreshold} vectors pass the filter; above it a JVector HNSW
 * graph, built on first need and then grown node by node, answers. Replaced and deleted vectors
 * leave tombstones, and the graph is rebuilt when they exceed a fifth of it. Not thread-safe on its
 * own: the owner synchronises.
 */
final class InMemoryVectors {

  private static final VectorTypeSupport TYPES =
      VectorizationProvider.getInstance().getVectorTypeSupport();
  private static final int GRAPH_DEGREE = 16;
  private static final int BUILD_BEAM = 100;

  private final int dimensions;
  private final int exactThreshold;
  private final List<float[]> vectors = new ArrayList<>();
  private final List<VectorFloat<?>> graphVectors = new ArrayList<>();
  private final List<Long> chunkIds = new ArrayList<>();
  private final List<Long> blobIds = new ArrayList<>();
  private final List<Boolean> live = new ArrayList<>();
  private final Map<Long, Integer> ordinalByChunk = new HashMap<>();
  private int tombstones;
  private @Nullable GraphIndexBuilder graph;

  InMemoryVectors(int dimensions, int exactThreshold) {
    this.dimensions = dimensions;
    this.exactThreshold = exactThreshold;
  }

  int size() {
    return ordinalByChunk.size();
  }

  boolean hasGraph() {
    return graph != null;
  }

  void put(long chunkId, long blobId, float[] vector) {
    remove(chunkId);
    int ordinal = vectors.size();
    vectors.add(vector);
    graphVectors.add(TYPES.createFloatVector(vector));
    chunkIds.add(chunkId);
    blobIds.add(blobId);
    live.add(true);
    ordinalByChunk.put(chunkId, ordinal);
    GraphIndexBuilder builder = graph;
    if (builder != null) {
      builder.addGraphNode(ordinal, graphVectors.get(ordinal));
    }
  }

  void remove(long chunkId) {
    Integer ordinal = ordinalByChunk.remove(chunkId);
    if (ordinal == null) {
      return;
    }
    live.set(ordinal, false);
    tombstones++;
    GraphIndexBuilder builder = graph;
    if (builder != null) {
      builder.markNodeDeleted(ordinal);
    }
  }

  List<VectorHit> search(float[] query, int k, VectorFilter filter) {
    int allowed = 0;
    if (filter.chunkIds() != null && filter.chunkIds().size() < exactThreshold) {
      return exactOver(query, k, filter, true);
    }
    for (int i = 0; i < vectors.size(); i++) {
      if (isAllowed(i, filter)) {
        allowed++;
      }
    }
    if (allowed < exactThreshold) {
      return exactOver(query, k, filter, false);
    }
    return graphSearch(query, k, filter);
  }

  private boolean isAllowed(int ordinal, VectorFilter filter) {
    return live.get(ordinal) && filter.allows(blobIds.get(ordinal), chunkIds.get(ordinal));
  }

  private List<VectorHit> exactOver(float[] query, int k, VectorFilter filter, boolean byChunk) {
    PriorityQueue<VectorHit> best =
        new PriorityQueue<>((a, b) -> Float.compare(a.score(), b.score()));
    if (byChunk && filter.chunkIds() != null) {
      for (long chunkId : filter.chunkIds()) {
        Integer ordinal = ordinalByChunk.get(chunkId);
        if (ordinal != null && isAllowed(ordinal, filter)) {
          offer(best, k, new VectorHit(chunkId, dot(query, vectors.get(ordinal))));
        }
      }
    } else {
      for (int i = 0; i < vectors.size(); i++) {
        if (isAllowed(i, filter)) {
          offer(best, k, new VectorHit(chunkIds.get(i), dot(query, vectors.get(i))));
        }
      }
    }
    List<VectorHit> hits = new ArrayList<>(best);
    hits.sort((a, b) -> Float.compare(b.score(), a.score()));
    return hits;
  }

  private static void offer(PriorityQueue<VectorHit> best, int k, VectorHit hit) {
    if (best.size() < k) {
      best.add(hit);
    } else if (best.peek() != null && best.peek().score() < hit.score()) {
      best.poll();
      best.add(hit);
    }
  }

  private List<VectorHit> graphSearch(float[] query, int k, VectorFilter filter) {
    GraphIndexBuilder builder = graph;
    if (builder == null || tombstones * 5 > vectors.size()) {
      builder = rebuild();
    }
    RandomAccessVectorValues values = values();
    Bits accept = filter.isNone() ? ordinal -> live.get(ordinal) : o -> isAllowed(o, filter);
    // Search a wider beam than k so the graph's recall at k stays high.
    SearchResult result =
        GraphSearcher.search(
            TYPES.createFloatVector(query),
            k,
            Math.max(k * 4, 64),
            values,
            VectorSimilarityFunction.DOT_PRODUCT,
            builder.getGraph(),
            accept);
    List<VectorHit> hits = new ArrayList<>();
    for (SearchResult.NodeScore node : result.getNodes()) {
      hits.add(new VectorHit(chunkIds.get(node.node), dot(query, vectors.get(node.node))));
    }
    hits.sort((a, b) -> Float.compare(b.score(), a.score()));
    return hits.size() > k ? hits.subList(0, k) : hits;
  }

  /** Compacts away tombstones and builds the graph over what is live. */
  private GraphIndexBuilder rebuild() {
    closeGraph();
    if (tombstones > 0) {
      List<float[]> keptVectors = new ArrayList<>();
      List<Long> keptChunks = new ArrayList<>();
      List<Long> keptBlobs = new ArrayList<>();
      for (int i = 0; i < vectors.size(); i++) {
        if (live.get(i)) {
          keptVectors.add(vectors.get(i));
          keptChunks.add(chunkIds.get(i));
          keptBlobs.add(blobIds.get(i));
        }
      }
      vectors.clear();
      graphVectors.clear();
      chunkIds.clear();
      blobIds.clear();
      live.clear();
      ordinalByChunk.clear();
      tombstones = 0;
      for (int i = 0; i < keptVectors.size(); i++) {
        put(keptChunks.get(i), keptBlobs.get(i), keptVectors.get(i));
      }
    }
    RandomAccessVectorValues values = values();
    GraphIndexBuilder builder =
        new GraphIndexBuilder(
            BuildScoreProvider.randomAccessScoreProvider(
                values, VectorSimilarityFunction.DOT_PRODUCT),
            dimensions,
            GRAPH_DEGREE,
            BUILD_BEAM,
            1.2f,
            1.2f,
            true);
    builder.build(values);
    graph = builder;
    return builder;
  }

  /** A view of the vectors list that grows as vectors are added. */
  private RandomAccessVectorValues values() {
    return new RandomAccessVectorValues() {
      @Override
      public int size() {
        return graphVectors.size();
      }

      @Override
      public int dimension() {
        return dimensions;
      }

      @Override
      public VectorFloat<?> getVector(int ordinal) {
        return graphVectors.get(ordinal);
      }

      @Override
      public boolean isValueShared() {
        return false;
      }

      @Override
      public RandomAccessVectorValues copy() {
        return this;
      }
    };
  }

  void closeGraph() {
    GraphIndexBuilder builder = graph;
    graph = null;
    if (builder != null) {
      try {
        builder.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
