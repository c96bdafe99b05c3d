package dev.atelier.codeintel.internal.insights;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.classify.FileClasses;
import dev.atelier.platform.Database;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.FileClass;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The rows the analyses read: a manifest's files, blobs' text and symbols, chunk vectors. */
public final class InsightStore {

  /** Rows per IN list, well below both dialects' bind-variable limits. */
  private static final int CHUNK = 500;

  /**
   * One file of a manifest.
   *
   * @param language as parsed, or by extension when the blob was not parsed
   * @param lines line count as parsed, or -1 when not parsed
   * @param syntaxErrors error nodes tree-sitter reported
   * @param fileClass what the indexer decided the file is
   */
  public record FileRow(
      String path,
      long blobId,
      long bytes,
      boolean text,
      Language language,
      int lines,
      int syntaxErrors,
      FileClass fileClass) {}

  /** A symbol with its span. */
  public record SymbolRow(
      int ordinal,
      @Nullable Integer parent,
      String name,
      SymbolKind kind,
      String qualifiedName,
      int startLine,
      int endLine,
      int nameLine) {}

  private final Sql sql;

  public InsightStore(Database database) {
    requireNonNull(database, "database is null");
    this.sql = new Sql(database.dataSource(), database.vendor());
  }

  public List<FileRow> files(long orgId, long manifestId) {
    return sql.jdbc()
        .sql(
            "SELECT e.path, b.id, b.size_bytes, b.content_kind, p.language, p.line_count,"
                + " p.error_count, e.file_class FROM manifest_entries e"
                + " JOIN blobs b ON b.org_id = e.org_id AND b.id = e.blob_id"
                + " LEFT JOIN blob_parses p ON p.org_id = e.org_id AND p.blob_id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ? ORDER BY e.path")
        .params(orgId, manifestId)
        .query((row, n) -> {
          String path = requireNonNull(row.getString(1));
          String language = row.getString(5);
          int lines = row.getInt(6);
          boolean parsed = !row.wasNull();
          return new FileRow(
              path,
              row.getLong(2),
              row.getLong(3),
              "text".equals(row.getString(4)),
              language == null ? Language.ofPath(path) : Language.ofId(language),
              parsed ? lines : -1,
              row.getInt(7),
              FileClasses.read(row.getString(8)));
        })
        .list();
  }

  /** The text of these blobs (text blobs only), UTF-8 decoded. */
  public Map<Long, String> texts(long orgId, Collection<Long> blobIds) {
    Map<Long, String> out = new HashMap<>();
    for (List<Long> part : chunks(blobIds)) {
      sql.jdbc()
          .sql(
              "SELECT id, content FROM blobs WHERE org_id = :org AND id IN (:ids)"
                  + " AND content_kind = 'text'")
          .param("org", orgId)
          .param("ids", part)
          .query(row -> {
            byte[] bytes = row.getBytes(2);
            if (bytes != null) {
              out.put(row.getLong(1), new String(bytes, StandardCharsets.UTF_8));
            }
          });
    }
    return out;
  }

  /** The symbols of these blobs in source order. */
  public Map<Long, List<SymbolRow>> symbols(long orgId, Collection<Long> blobIds) {
    Map<Long, List<SymbolRow>> out = new HashMap<>();
    for (List<Long> part : chunks(blobIds)) {
      sql.jdbc()
          .sql(
              "SELECT blob_id, ordinal, parent_ordinal, name, kind, qualified_name, start_line,"
                  + " end_line, name_line FROM symbols WHERE org_id = :org AND blob_id IN (:ids)"
                  + " ORDER BY blob_id, ordinal")
          .param("org", orgId)
          .param("ids", part)
          .query(row -> {
            int parent = row.getInt(3);
            Integer parentOrNull = row.wasNull() ? null : parent;
            out.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                .add(
                    new SymbolRow(
                        row.getInt(2),
                        parentOrNull,
                        requireNonNull(row.getString(4)),
                        SymbolKind.ofId(requireNonNull(row.getString(5))),
                        requireNonNull(row.getString(6)),
                        row.getInt(7),
                        row.getInt(8),
                        row.getInt(9)));
          });
    }
    return out;
  }

  /**
   * What identifies the branch's resolved graph: it changes when resolution rewrites the branch's
   * files (paths or content), so a cached graph can tell it is stale.
   */
  public String graphVersion(long orgId, long branchId) {
    return sql.jdbc()
        .sql(
            "SELECT count(*), coalesce(sum(blob_id), 0), coalesce(sum(file_id), 0)"
                + " FROM branch_files WHERE org_id = ? AND branch_id = ?")
        .params(orgId, branchId)
        .query((row, n) -> row.getLong(1) + ":" + row.getLong(2) + ":" + row.getLong(3))
        .single();
  }

  /** The chunk vectors of one blob (empty when it is not embedded). */
  public List<float[]> vectors(long orgId, long blobId) {
    boolean postgres = sql.vendor() == DatabaseVendor.POSTGRESQL;
    return sql.jdbc()
        .sql(
            (postgres ? "SELECT embedding::text" : "SELECT vector")
                + " FROM chunk_vectors WHERE org_id = ? AND blob_id = ? ORDER BY chunk_id")
        .params(orgId, blobId)
        .query((row, n) ->
            postgres ? parse(requireNonNull(row.getString(1))) : decode(row.getBytes(1)))
        .list();
  }

  /** How many chunks of the blob there are, embedded or not. */
  public int chunkCount(long orgId, long blobId) {
    return sql.jdbc()
        .sql("SELECT count(*) FROM chunks WHERE org_id = ? AND blob_id = ?")
        .params(orgId, blobId)
        .query(Integer.class)
        .single();
  }

  /** The blob each chunk belongs to. */
  public Map<Long, Long> blobsOfChunks(long orgId, Collection<Long> chunkIds) {
    Map<Long, Long> out = new HashMap<>();
    for (List<Long> part : chunks(chunkIds)) {
      sql.jdbc()
          .sql("SELECT id, blob_id FROM chunks WHERE org_id = :org AND id IN (:ids)")
          .param("org", orgId)
          .param("ids", part)
          .query(row -> {
            out.put(row.getLong(1), row.getLong(2));
          });
    }
    return out;
  }

  private static float[] decode(byte[] bytes) {
    float[] vector = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }

  private static float[] parse(String text) {
    String inner = text.strip();
    inner = inner.substring(1, inner.length() - 1);
    String[] parts = inner.split(",");
    float[] vector = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      vector[i] = Float.parseFloat(parts[i].strip());
    }
    return vector;
  }

  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = new ArrayList<>(ids);
    List<List<Long>> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return out;
  }
}
