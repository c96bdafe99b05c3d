package dev.atelier.codeintel.internal.retrieval;

import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.classify.FileClasses;
import dev.atelier.platform.Sql;
import java.nio.charset.StandardCharsets;

/**
 * Reads one manifest's files, symbols and text from the database into a {@link FileIndex}: three
 * streamed queries (files, symbols, contents), each row folded in as it arrives.
 */
final class FileIndexLoader {

  // Past this, a file's text is data or generated; its head says what it is.
  private static final int MAX_CONTENT_CHARS = 256 * 1024;

  private final Sql sql;
  private final RankingSettings settings;

  FileIndexLoader(Sql sql, RankingSettings settings) {
    this.sql = sql;
    this.settings = settings;
  }

  FileIndex load(long orgId, long manifestId) {
    FileIndexBuilder builder = new FileIndexBuilder(manifestId, settings);
    sql.jdbc()
        .sql(
            "SELECT e.path, e.blob_id, p.language, e.file_class FROM manifest_entries e"
                + " LEFT JOIN blob_parses p ON p.org_id = e.org_id AND p.blob_id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ?")
        .params(orgId, manifestId)
        .query(row -> {
          String language = row.getString(3);
          builder.file(
              row.getString(1),
              row.getLong(2),
              language != null && !language.equals("text"),
              FileClasses.read(row.getString(4)));
        });
    sql.jdbc()
        .sql(
            "SELECT e.path, s.name, s.kind, s.signature, s.doc, s.name_line, s.end_line, s.ordinal"
                + " FROM manifest_entries e JOIN symbols s"
                + " ON s.org_id = e.org_id AND s.blob_id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ?")
        .params(orgId, manifestId)
        .query(row -> {
          int file = builder.file(row.getString(1));
          if (file >= 0) {
            builder.symbol(
                file,
                row.getInt(8),
                row.getString(2),
                SymbolKind.ofId(row.getString(3)),
                row.getInt(6),
                row.getInt(7),
                row.getString(4),
                row.getString(5));
          }
        });
    sql.jdbc()
        .sql(
            "SELECT e.path, b.content FROM manifest_entries e JOIN blobs b"
                + " ON b.org_id = e.org_id AND b.id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ? AND b.content_kind = 'text'")
        .params(orgId, manifestId)
        .query(row -> {
          int file = builder.file(row.getString(1));
          byte[] bytes = row.getBytes(2);
          if (file >= 0 && bytes != null) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            builder.add(
                file,
                Field.CONTENT,
                text.length() > MAX_CONTENT_CHARS ? text.substring(0, MAX_CONTENT_CHARS) : text);
          }
        });
    long chunks =
        sql.jdbc()
            .sql(
                "SELECT count(*) FROM manifest_entries e JOIN chunks c"
                    + " ON c.org_id = e.org_id AND c.blob_id = e.blob_id"
                    + " WHERE e.org_id = ? AND e.manifest_id = ?")
            .params(orgId, manifestId)
            .query(Long.class)
            .single();
    return builder.build(chunks);
  }

  /** How many of the manifest's chunks have a vector. */
  long embeddedChunks(long orgId, long manifestId) {
    return sql.jdbc()
        .sql(
            "SELECT count(*) FROM manifest_entries e JOIN chunk_vectors v"
                + " ON v.org_id = e.org_id AND v.blob_id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ?")
        .params(orgId, manifestId)
        .query(Long.class)
        .single();
  }
}
