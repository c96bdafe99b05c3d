package dev.atelier.codeintel.internal.embedding;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.platform.Database;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much of each repository semantic search covers: the chunks of the blobs its branches' current
 * manifests hold, and how many of them have a vector. Chunks belong to blobs, which repositories
 * share, so an org-wide count says nothing about one repository: a small repository can be fully
 * covered while a large one is still at 5%. Core chunks are counted as the worker ranks them
 * ({@link ChunkPriority#core()}): files classed source or documentation (a blob at several paths
 * takes the first class by name, as the worker does).
 */
public final class RepositoryCoverage {

  private static final String BY_REPOSITORY =
      """
      SELECT x.repository_id, count(*),
        sum(CASE WHEN v.chunk_id IS NULL THEN 0 ELSE 1 END),
        sum(CASE WHEN x.cls IN ('source', 'documentation') THEN 1 ELSE 0 END),
        sum(CASE WHEN x.cls IN ('source', 'documentation') AND v.chunk_id IS NOT NULL
          THEN 1 ELSE 0 END)
      FROM (
        SELECT b.repository_id, e.blob_id, min(coalesce(e.file_class, 'source')) AS cls
        FROM manifest_entries e
        JOIN branches b ON b.org_id = e.org_id AND b.manifest_id = e.manifest_id
        WHERE e.org_id = ?
        GROUP BY b.repository_id, e.blob_id) x
      JOIN chunks c ON c.org_id = ? AND c.blob_id = x.blob_id
      LEFT JOIN chunk_vectors v ON v.org_id = c.org_id AND v.chunk_id = c.id
      GROUP BY x.repository_id
      """;

  private final EmbeddingSql sql;

  public RepositoryCoverage(Database database) {
    this.sql = new EmbeddingSql(requireNonNull(database, "database is null"));
  }

  /**
   * Coverage by repository id, for repositories with at least one indexed branch; the rate is 0 (it
   * belongs to the org's worker run, not to a repository).
   */
  public Map<Long, EmbeddingProgress> byRepository(long orgId) {
    Map<Long, EmbeddingProgress> coverage = new LinkedHashMap<>();
    sql.jdbc()
        .sql(BY_REPOSITORY)
        .params(orgId, orgId)
        .query(row -> {
          coverage.put(
              row.getLong(1),
              new EmbeddingProgress(
                  row.getLong(2), row.getLong(3), 0, row.getLong(4), row.getLong(5)));
        });
    return coverage;
  }
}
