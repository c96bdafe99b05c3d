package dev.atelier.codeintel.internal.embedding;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.VectorFilter;
import dev.atelier.codeintel.VectorHit;
import dev.atelier.codeintel.VectorIndex;
import dev.atelier.platform.Database;
import dev.atelier.platform.DatabaseVendor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Vectors in SQLite: {@code chunk_vectors.vector} holds little-endian float32 values; each org's
 * vectors are loaded into an {@link InMemoryVectors} on its first search and kept in step with this
 * index's writes. Rows removed behind its back (chunks deleted, another process writing) are
 * noticed by a row count per search, which reloads, and by checking that hits still exist.
 */
public final class SqliteVectorIndex implements VectorIndex {

  /** Below this many candidate vectors, search scans them all: exact and, here, fast enough. */
  public static final int DEFAULT_EXACT_THRESHOLD = 20_000;

  private final EmbeddingSql sql;
  private final int dimensions;
  private final int exactThreshold;
  private final Map<Long, InMemoryVectors> orgs = new ConcurrentHashMap<>();

  public SqliteVectorIndex(Database database, int dimensions, int exactThreshold) {
    if (database.vendor() != DatabaseVendor.SQLITE) {
      throw new IllegalArgumentException("SqliteVectorIndex needs SQLite");
    }
    this.sql = new EmbeddingSql(database);
    this.dimensions = dimensions;
    this.exactThreshold = exactThreshold;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  static byte[] encode(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return bytes.array();
  }

  static float[] decode(byte[] bytes) {
    float[] vector = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }

  @Override
  public void upsert(long orgId, Map<Long, float[]> vectorsByChunkId, String modelId) {
    requireNonNull(modelId, "modelId is null");
    vectorsByChunkId.values().forEach(v -> EmbeddingSql.checkVector(v, dimensions));
    if (vectorsByChunkId.isEmpty()) {
      return;
    }
    List<Long> ids = new ArrayList<>(vectorsByChunkId.keySet());
    List<Object[]> rows = new ArrayList<>(ids.size());
    vectorsByChunkId.forEach((chunkId, vector) ->
        rows.add(new Object[] {modelId, dimensions, encode(vector), orgId, chunkId}));
    Map<Long, Long> blobByChunk =
        sql.inTransaction(() -> {
          sql.jdbcTemplate()
              .batchUpdate(
                  """
                  INSERT INTO chunk_vectors (org_id, chunk_id, blob_id, model, dims, vector)
                  SELECT org_id, id, blob_id, ?, ?, ? FROM chunks WHERE org_id = ? AND id = ?
                  ON CONFLICT (org_id, chunk_id) DO UPDATE
                  SET blob_id = excluded.blob_id, model = excluded.model, dims = excluded.dims,
                      vector = excluded.vector
                  """,
                  rows);
          return blobsOf(orgId, ids);
        });
    InMemoryVectors memory = orgs.get(orgId);
    if (memory != null) {
      synchronized (memory) {
        vectorsByChunkId.forEach((chunkId, vector) -> {
          Long blobId = blobByChunk.get(chunkId);
          if (blobId != null) {
            memory.put(chunkId, blobId, vector);
          }
        });
      }
    }
  }

  private Map<Long, Long> blobsOf(long orgId, List<Long> chunkIds) {
    Map<Long, Long> blobs = new java.util.HashMap<>();
    for (int from = 0; from < chunkIds.size(); from += 500) {
      List<Long> part = chunkIds.subList(from, Math.min(chunkIds.size(), from + 500));
      String marks = part.stream().map(id -> "?").collect(Collectors.joining(","));
      List<Object> params = new ArrayList<>();
      params.add(orgId);
      params.addAll(part);
      sql.jdbc()
          .sql(
              "SELECT chunk_id, blob_id FROM chunk_vectors WHERE org_id = ? AND chunk_id IN ("
                  + marks
                  + ")")
          .params(params)
          .query(row -> {
            blobs.put(row.getLong(1), row.getLong(2));
          });
    }
    return blobs;
  }

  @Override
  public List<VectorHit> search(long orgId, float[] query, int k, VectorFilter filter) {
    EmbeddingSql.checkVector(query, dimensions);
    requireNonNull(filter, "filter is null");
    if (k <= 0) {
      return List.of();
    }
    return search(orgId, query, k, filter, 0);
  }

  private List<VectorHit> search(
      long orgId, float[] query, int k, VectorFilter filter, int attempt) {
    long stored = count(orgId);
    InMemoryVectors memory = orgs.computeIfAbsent(orgId, id -> load(id));
    List<VectorHit> hits;
    synchronized (memory) {
      if (memory.size() != stored) {
        memory.closeGraph();
        InMemoryVectors fresh = load(orgId);
        orgs.put(orgId, fresh);
        if (attempt < 2) {
          return search(orgId, query, k, filter, attempt + 1);
        }
        synchronized (fresh) {
          hits = fresh.search(query, k, filter);
        }
        return hits;
      }
      hits = memory.search(query, k, filter);
    }
    Set<Long> existing =
        new HashSet<>(blobsOf(orgId, hits.stream().map(VectorHit::chunkId).toList()).keySet());
    if (existing.size() == hits.size()) {
      return hits;
    }
    // Some were deleted since the count: forget this org's memory and answer from a fresh load.
    forget(orgId);
    if (attempt < 2) {
      return search(orgId, query, k, filter, attempt + 1);
    }
    return hits.stream().filter(hit -> existing.contains(hit.chunkId())).toList();
  }

  private InMemoryVectors load(long orgId) {
    InMemoryVectors memory = new InMemoryVectors(dimensions, exactThreshold);
    sql.jdbc()
        .sql("SELECT chunk_id, blob_id, vector FROM chunk_vectors WHERE org_id = ?")
        .param(orgId)
        .query(row -> {
          memory.put(row.getLong(1), row.getLong(2), decode(row.getBytes(3)));
        });
    return memory;
  }

  private void forget(long orgId) {
    InMemoryVectors memory = orgs.remove(orgId);
    if (memory != null) {
      synchronized (memory) {
        memory.closeGraph();
      }
    }
  }

  @Override
  public long count(long orgId) {
    return sql.jdbc()
        .sql("SELECT count(*) FROM chunk_vectors WHERE org_id = ?")
        .param(orgId)
        .query(Long.class)
        .single();
  }

  @Override
  public void delete(long orgId, Collection<Long> chunkIds) {
    if (chunkIds.isEmpty()) {
      return;
    }
    List<Object[]> rows = chunkIds.stream().map(id -> new Object[] {orgId, id}).toList();
    sql.inTransaction(() ->
        sql.jdbcTemplate()
            .batchUpdate("DELETE FROM chunk_vectors WHERE org_id = ? AND chunk_id = ?", rows));
    InMemoryVectors memory = orgs.get(orgId);
    if (memory != null) {
      synchronized (memory) {
        chunkIds.forEach(memory::remove);
      }
    }
  }

  @Override
  public void close() {
    orgs.keySet().forEach(this::forget);
  }
}
