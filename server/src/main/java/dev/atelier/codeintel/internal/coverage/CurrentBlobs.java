package dev.atelier.codeintel.internal.coverage;

import dev.atelier.platform.Sql;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The contents (blobs) each repository's branches currently hold, with whether each counts as core
 * for semantic search (source or documentation; a content at several paths takes the first class by
 * name, as the embedding worker does). Read again only when a branch moves to another manifest: the
 * branches' manifest ids, a few rows, tell whether anything changed.
 */
final class CurrentBlobs {

  private static final String BLOBS =
      """
      SELECT b.repository_id, e.blob_id, min(coalesce(e.file_class, 'source'))
      FROM manifest_entries e
      JOIN branches b ON b.org_id = e.org_id AND b.manifest_id = e.manifest_id
      WHERE e.org_id = ?
      GROUP BY b.repository_id, e.blob_id
      """;

  /** A repository's current blobs: blob id to whether it is core. */
  record RepositoryBlobs(Map<Long, Boolean> core) {}

  /** What the manifests held when read, and which manifests those were. */
  record Snapshot(String manifests, Map<Long, RepositoryBlobs> byRepository) {

    /** Every blob of every repository. */
    Set<Long> blobs() {
      Set<Long> all = new java.util.HashSet<>();
      byRepository.values().forEach(r -> all.addAll(r.core().keySet()));
      return all;
    }
  }

  private final Sql sql;

  CurrentBlobs(Sql sql) {
    this.sql = sql;
  }

  /** Which manifest each indexed branch of the org is on: changes when any branch moves. */
  String manifests(long orgId) {
    StringBuilder out = new StringBuilder();
    sql.jdbc()
        .sql(
            "SELECT id, repository_id, manifest_id FROM branches"
                + " WHERE org_id = ? AND manifest_id IS NOT NULL ORDER BY id")
        .param(orgId)
        .query(row -> {
          out.append(row.getLong(1))
              .append(':')
              .append(row.getLong(2))
              .append(':')
              .append(row.getLong(3))
              .append(',');
        });
    return out.toString();
  }

  /** Reads the repositories' blobs as the manifests named by {@code manifests} hold them. */
  Snapshot read(long orgId, String manifests) {
    Map<Long, Map<Long, Boolean>> byRepository = new LinkedHashMap<>();
    sql.jdbc()
        .sql(BLOBS)
        .param(orgId)
        .query(row -> {
          String cls = row.getString(3);
          byRepository
              .computeIfAbsent(row.getLong(1), id -> new HashMap<>())
              .put(row.getLong(2), "source".equals(cls) || "documentation".equals(cls));
        });
    Map<Long, RepositoryBlobs> out = new LinkedHashMap<>();
    byRepository.forEach((id, blobs) -> out.put(id, new RepositoryBlobs(Map.copyOf(blobs))));
    return new Snapshot(manifests, out);
  }
}
