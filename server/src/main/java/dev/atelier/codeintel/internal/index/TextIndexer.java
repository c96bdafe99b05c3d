package dev.atelier.codeintel.internal.index;

import dev.atelier.codeintel.internal.work.WriteTurns;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes SQLite's trigram text index for blobs parsed without it, a batch per transaction (rows and
 * flags together, so a crash loses at most the batch in progress, never consistency). Text search
 * checks pending blobs directly meanwhile, so it is complete before this finishes.
 */
public final class TextIndexer {

  private static final int BATCH = 256;

  private final Sql sql;
  private final WriteTurns turns;

  public TextIndexer(DataSource dataSource, DatabaseVendor vendor, WriteTurns turns) {
    this.sql = new Sql(dataSource, vendor);
    this.turns = turns;
  }

  /** Blobs of the org still waiting for their text index. */
  public long pending(long orgId) {
    if (sql.vendor() != DatabaseVendor.SQLITE) {
      return 0;
    }
    return sql.jdbc()
        .sql("SELECT count(*) FROM blob_parses WHERE org_id = ? AND text_indexed = 0")
        .param(orgId)
        .query(Long.class)
        .single();
  }

  /** Indexes every pending blob of the org; returns how many. Stops early when interrupted. */
  public int indexPending(long orgId) {
    if (sql.vendor() != DatabaseVendor.SQLITE) {
      return 0;
    }
    int done = 0;
    while (!Thread.currentThread().isInterrupted()) {
      int batch = indexBatch(orgId);
      if (batch == 0) {
        break;
      }
      done += batch;
    }
    return done;
  }

  private int indexBatch(long orgId) {
    List<Object[]> rows = new ArrayList<>(BATCH);
    List<Object> ids = new ArrayList<>(BATCH + 1);
    ids.add(orgId);
    // Read outside the write transaction: in WAL mode a transaction that reads first and writes
    // later fails, rather than waits, when another writer committed in between.
    sql.jdbcTemplate()
        .query(
            "SELECT p.blob_id, b.content FROM blob_parses p JOIN blobs b"
                + " ON b.org_id = p.org_id AND b.id = p.blob_id"
                + " WHERE p.org_id = ? AND p.text_indexed = 0 LIMIT "
                + BATCH,
            row -> {
              long id = row.getLong(1);
              byte[] content = row.getBytes(2);
              rows.add(
                  new Object[] {
                    id, content == null ? "" : new String(content, StandardCharsets.UTF_8)
                  });
              ids.add(id);
            },
            orgId);
    if (rows.isEmpty()) {
      return 0;
    }
    // Only this thread writes these rows and flags, so what was read is still pending here.
    turns.run(() ->
        sql.inTransaction(() -> {
          sql.batch("INSERT INTO blob_text (rowid, content) VALUES (?, ?)", rows);
          sql.jdbc()
              .sql(
                  "UPDATE blob_parses SET text_indexed = 1 WHERE org_id = ? AND blob_id IN ("
                      + String.join(",", Collections.nCopies(rows.size(), "?"))
                      + ")")
              .params(ids)
              .update();
        }));
    return rows.size();
  }
}
