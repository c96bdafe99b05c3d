package dev.atelier.codeintel.internal.embedding;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.VectorFilter;
import dev.atelier.codeintel.VectorHit;
import dev.atelier.codeintel.VectorIndex;
import dev.atelier.platform.Database;
import dev.atelier.platform.DatabaseVendor;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Vectors in pgvector: {@code chunk_vectors.embedding vector(384)} under an HNSW index with cosine
 * distance. Searches set {@code hnsw.ef_search} from k and use pgvector's iterative scan, so
 * filters that drop most neighbours still fill k results.
 */
public final class PostgresVectorIndex implements VectorIndex {

  private final EmbeddingSql sql;
  private final int dimensions;

  public PostgresVectorIndex(Database database, int dimensions) {
    if (database.vendor() != DatabaseVendor.POSTGRESQL) {
      throw new IllegalArgumentException("PostgresVectorIndex needs PostgreSQL");
    }
    this.sql = new EmbeddingSql(database);
    this.dimensions = dimensions;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  static String literal(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 12).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(vector[i]);
    }
    return text.append(']').toString();
  }

  @Override
  public void upsert(long orgId, Map<Long, float[]> vectorsByChunkId, String modelId) {
    requireNonNull(modelId, "modelId is null");
    vectorsByChunkId.values().forEach(v -> EmbeddingSql.checkVector(v, dimensions));
    if (vectorsByChunkId.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(vectorsByChunkId.size());
    vectorsByChunkId.forEach(
        (chunkId, vector) -> rows.add(new Object[] {modelId, literal(vector), orgId, chunkId}));
    sql.inTransaction(() ->
        sql.jdbcTemplate()
            .batchUpdate(
                """
                INSERT INTO chunk_vectors (org_id, chunk_id, blob_id, model, embedding)
                SELECT org_id, id, blob_id, ?, ?::vector FROM chunks WHERE org_id = ? AND id = ?
                ON CONFLICT (org_id, chunk_id) DO UPDATE
                SET blob_id = EXCLUDED.blob_id, model = EXCLUDED.model,
                    embedding = EXCLUDED.embedding
                """,
                rows));
  }

  @Override
  public List<VectorHit> search(long orgId, float[] query, int k, VectorFilter filter) {
    EmbeddingSql.checkVector(query, dimensions);
    requireNonNull(filter, "filter is null");
    if (k <= 0) {
      return List.of();
    }
    StringBuilder where = new StringBuilder("org_id = ?");
    if (filter.blobIds() != null) {
      where.append(" AND blob_id = ANY (?)");
    }
    if (filter.chunkIds() != null) {
      where.append(" AND chunk_id = ANY (?)");
    }
    String text = literal(query);
    String select =
        "SELECT chunk_id, embedding <=> ?::vector AS distance FROM chunk_vectors WHERE "
            + where
            + " ORDER BY embedding <=> ?::vector LIMIT ?";
    return sql.inTransaction(() ->
        requireNonNull(
            sql.jdbcTemplate()
                .execute(
                    (ConnectionCallback<List<VectorHit>>)
                        connection -> {
                          try (Statement settings = connection.createStatement()) {
                            settings.execute(
                                "SET LOCAL hnsw.ef_search = "
                                    + Math.min(1000, Math.max(100, 4 * k)));
                            settings.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
                          }
                          try (PreparedStatement statement = connection.prepareStatement(select)) {
                            int p = 1;
                            statement.setString(p++, text);
                            statement.setLong(p++, orgId);
                            p = bindIds(connection, statement, p, filter.blobIds());
                            p = bindIds(connection, statement, p, filter.chunkIds());
                            statement.setString(p++, text);
                            statement.setInt(p, k);
                            List<VectorHit> hits = new ArrayList<>();
                            try (ResultSet rows = statement.executeQuery()) {
                              while (rows.next()) {
                                hits.add(
                                    new VectorHit(
                                        rows.getLong(1), (float) (1 - rows.getDouble(2))));
                              }
                            }
                            // relaxed_order may return neighbours slightly out of order
                            hits.sort(Comparator.comparingDouble(VectorHit::score).reversed());
                            return hits;
                          }
                        })));
  }

  private static int bindIds(
      Connection connection, PreparedStatement statement, int index, @Nullable Set<Long> ids)
      throws java.sql.SQLException {
    if (ids == null) {
      return index;
    }
    Array array = connection.createArrayOf("bigint", ids.toArray());
    statement.setArray(index, array);
    return index + 1;
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
  }

  @Override
  public void close() {}
}
