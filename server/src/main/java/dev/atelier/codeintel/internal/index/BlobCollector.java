package dev.atelier.codeintel.internal.index;

import dev.atelier.codeintel.internal.work.WriteTurns;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Deletes the blobs of an org that no manifest and no resolved branch uses any more, and with them
 * (by cascade) everything parsed from them: symbols, references, imports, chunks and vectors. Blobs
 * younger than the grace period are kept, since an index run stores its blobs before it switches
 * the manifest that uses them; a blob an older run is about to reuse is protected by the manifest's
 * foreign key, which fails that run cleanly instead.
 */
public final class BlobCollector {

  private static final int BATCH = 500;

  private final Sql sql;
  private final WriteTurns turns;

  public BlobCollector(DataSource dataSource, DatabaseVendor vendor, WriteTurns turns) {
    this.sql = new Sql(dataSource, vendor);
    this.turns = turns;
  }

  /** Deletes the org's unused blobs older than {@code grace}; returns how many. */
  public int collect(long orgId, Duration grace) {
    String olderThan =
        switch (sql.vendor()) {
          case SQLITE -> "b.created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?)";
          case POSTGRESQL -> "b.created_at < now() - make_interval(secs => ?)";
        };
    Object age =
        switch (sql.vendor()) {
          case SQLITE -> "-" + grace.toMillis() / 1000.0 + " seconds";
          case POSTGRESQL -> grace.toMillis() / 1000.0;
        };
    List<Long> candidates =
        sql.jdbc()
            .sql("SELECT b.id FROM blobs b WHERE b.org_id = ? AND " + olderThan + UNUSED)
            .params(orgId, age)
            .query((row, n) -> row.getLong(1))
            .list();
    int deleted = 0;
    for (int from = 0; from < candidates.size(); from += BATCH) {
      List<Long> slice = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
      deleted += turns.call(() -> sql.inTransaction(() -> delete(orgId, slice)));
    }
    return deleted;
  }

  // Checked again when deleting: a manifest may have taken a candidate up since it was listed.
  private static final String UNUSED =
      " AND NOT EXISTS (SELECT 1 FROM manifest_entries e"
          + " WHERE e.org_id = b.org_id AND e.blob_id = b.id)"
          + " AND NOT EXISTS (SELECT 1 FROM branch_files f"
          + " WHERE f.org_id = b.org_id AND f.blob_id = b.id)";

  private int delete(long orgId, List<Long> ids) {
    List<Object> params = new ArrayList<>(ids.size() + 1);
    params.add(orgId);
    params.addAll(ids);
    String unused =
        " FROM blobs b WHERE b.org_id = ? AND b.id IN ("
            + String.join(",", Collections.nCopies(ids.size(), "?"))
            + ")"
            + UNUSED;
    if (sql.vendor() == DatabaseVendor.SQLITE) {
      // The trigram index is an FTS5 table keyed by blob id, outside the foreign keys' cascade.
      sql.jdbc()
          .sql(
              "DELETE FROM blob_text WHERE rowid IN (SELECT b.id"
                  + unused
                  + " AND EXISTS (SELECT 1 FROM blob_parses p WHERE p.org_id = b.org_id"
                  + " AND p.blob_id = b.id AND p.text_indexed = 1))")
          .params(params)
          .update();
    }
    return sql.jdbc()
        .sql("DELETE FROM blobs WHERE org_id = ? AND id IN (SELECT b.id" + unused + ")")
        .params(prepend(orgId, params))
        .update();
  }

  private static List<Object> prepend(Object first, List<Object> rest) {
    List<Object> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
