package dev.atelier.codeintel;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Chunk vectors of each org, stored in the database and searchable by nearest neighbour (cosine).
 * PostgreSQL keeps them in pgvector with an HNSW index; SQLite keeps them as BLOBs and searches an
 * in-memory index loaded from them (exact below a size threshold, an HNSW graph above it).
 */
public interface VectorIndex extends AutoCloseable {

  int dimensions();

  /**
   * Stores (or replaces) the vectors of chunks in one transaction: all or none. Chunks that no
   * longer exist are skipped. Vectors must have {@link #dimensions()} values and unit length.
   */
  void upsert(long orgId, Map<Long, float[]> vectorsByChunkId, String modelId);

  default void upsert(long orgId, long chunkId, float[] vector, String modelId) {
    upsert(orgId, Map.of(chunkId, vector), modelId);
  }

  /** The {@code k} chunks closest to {@code query}, best first, restricted by {@code filter}. */
  List<VectorHit> search(long orgId, float[] query, int k, VectorFilter filter);

  default List<VectorHit> search(long orgId, float[] query, int k) {
    return search(orgId, query, k, VectorFilter.NONE);
  }

  /** How many chunks of the org have a vector. */
  long count(long orgId);

  /**
   * Removes the vectors of these chunks (chunks deleted from {@code chunks} lose theirs anyway).
   */
  void delete(long orgId, Collection<Long> chunkIds);

  @Override
  void close();
}
