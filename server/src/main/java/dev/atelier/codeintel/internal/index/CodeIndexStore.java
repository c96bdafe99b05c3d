package dev.atelier.codeintel.internal.index;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.ImportDecl;
import dev.atelier.codeintel.NameRef;
import dev.atelier.codeintel.ParsedFile;
import dev.atelier.codeintel.SymbolDef;
import dev.atelier.codeintel.internal.index.PackedReferences.StoredReference;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.BlobId;
import dev.atelier.repos.Sha256;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Writes parse results against blobs. A blob's symbols, references (one packed row), imports,
 * chunks, text row and its {@code blob_parses} marker go in one transaction, so a blob is either
 * fully indexed or not at all, and a crash midway leaves nothing to clean up.
 */
public final class CodeIndexStore {

  private static final int IN_LIST = 500;

  private final Sql sql;
  private final ChunkPlanner chunks = new ChunkPlanner();

  public CodeIndexStore(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  /** Which of the blobs already have parse results. */
  public Set<BlobId> parsed(long orgId, Collection<BlobId> blobs) {
    Set<BlobId> found = new HashSet<>();
    List<BlobId> all = List.copyOf(blobs);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      List<BlobId> slice = all.subList(from, Math.min(all.size(), from + IN_LIST));
      String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
      List<Object> params = new ArrayList<>(slice.size() + 1);
      params.add(orgId);
      slice.forEach(id -> params.add(id.value()));
      sql.jdbc()
          .sql("SELECT blob_id FROM blob_parses WHERE org_id = ? AND blob_id IN (" + marks + ")")
          .params(params)
          .query((row, n) -> new BlobId(row.getLong(1)))
          .list()
          .forEach(found::add);
    }
    return found;
  }

  /**
   * The first {@code length} bytes of each stored text blob, as text, by sha (a binary blob or a
   * too large one has none).
   */
  public Map<Sha256, String> heads(long orgId, Collection<Sha256> shas, int length) {
    Map<Sha256, String> found = new java.util.HashMap<>();
    List<Sha256> all = List.copyOf(shas);
    String start =
        sql.vendor() == DatabaseVendor.SQLITE
            ? "substr(content, 1, " + length + ")"
            : "substring(content FROM 1 FOR " + length + ")";
    for (int from = 0; from < all.size(); from += IN_LIST) {
      List<Sha256> slice = all.subList(from, Math.min(all.size(), from + IN_LIST));
      String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
      List<Object> params = new ArrayList<>(slice.size() + 1);
      params.add(orgId);
      slice.forEach(sha -> params.add(sha.hex()));
      sql.jdbc()
          .sql(
              "SELECT sha256, "
                  + start
                  + " FROM blobs WHERE org_id = ? AND content IS NOT NULL AND sha256 IN ("
                  + marks
                  + ")")
          .params(params)
          .query(row -> {
            found.put(
                new Sha256(row.getString(1)),
                new String(row.getBytes(2), java.nio.charset.StandardCharsets.UTF_8));
          });
    }
    return found;
  }

  /** Totals over the files of a manifest. */
  public BranchStats stats(long orgId, long manifestId) {
    Map<String, Long> byLanguage = new TreeMap<>();
    long[] totals = new long[5];
    sql.jdbc()
        .sql(
            "SELECT p.language, count(*), sum(p.symbol_count), sum(p.reference_count),"
                + " sum(p.import_count), sum(CASE WHEN p.error_count > 0 THEN 1 ELSE 0 END)"
                + " FROM manifest_entries e JOIN blob_parses p"
                + " ON p.org_id = e.org_id AND p.blob_id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ? GROUP BY p.language")
        .params(orgId, manifestId)
        .query(row -> {
          byLanguage.put(row.getString(1), row.getLong(2));
          totals[0] += row.getLong(2);
          totals[1] += row.getLong(3);
          totals[2] += row.getLong(4);
          totals[3] += row.getLong(5);
          totals[4] += row.getLong(6);
        });
    long chunkCount =
        sql.jdbc()
            .sql(
                "SELECT count(*) FROM manifest_entries e JOIN chunks c"
                    + " ON c.org_id = e.org_id AND c.blob_id = e.blob_id"
                    + " WHERE e.org_id = ? AND e.manifest_id = ?")
            .params(orgId, manifestId)
            .query(Long.class)
            .single();
    long embedded =
        sql.jdbc()
            .sql(
                "SELECT count(*) FROM manifest_entries e JOIN chunk_vectors v"
                    + " ON v.org_id = e.org_id AND v.blob_id = e.blob_id"
                    + " WHERE e.org_id = ? AND e.manifest_id = ?")
            .params(orgId, manifestId)
            .query(Long.class)
            .single();
    return new BranchStats(
        totals[0], byLanguage, totals[1], totals[2], totals[3], chunkCount, embedded, totals[4]);
  }

  /** Writes the results of a batch of parses in one transaction. */
  public void write(long orgId, List<ParsedBlob> batch, String parserName) {
    requireNonNull(batch, "batch is null");
    if (batch.isEmpty()) {
      return;
    }
    sql.inTransaction(() -> {
      List<Object[]> symbolRows = new ArrayList<>();
      List<Object[]> refRows = new ArrayList<>();
      List<Object[]> importRows = new ArrayList<>();
      List<Object[]> chunkRows = new ArrayList<>();
      List<Object[]> textRows = new ArrayList<>();
      List<Object[]> parseRows = new ArrayList<>();
      for (ParsedBlob blob : batch) {
        rows(orgId, blob, symbolRows, refRows, importRows, chunkRows);
        if (sql.vendor() == DatabaseVendor.POSTGRESQL) {
          textRows.add(textRow(orgId, blob));
        }
        ParsedFile parsed = blob.parsed();
        parseRows.add(
            new Object[] {
              orgId,
              blob.blob().value(),
              parsed.language().id(),
              parsed.packageName(),
              parserName,
              blob.lineCount(),
              parsed.symbols().size(),
              parsed.references().size(),
              parsed.imports().size(),
              parsed.syntaxErrors().size()
            });
      }
      sql.batch(
          "INSERT INTO symbols (org_id, blob_id, ordinal, parent_ordinal, name, kind, container,"
              + " qualified_name, signature, doc, start_line, start_column, end_line,"
              + " end_column, start_byte, end_byte, name_line, name_column)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          symbolRows);
      sql.batch("INSERT INTO blob_refs (org_id, blob_id, refs) VALUES (?, ?, ?)", refRows);
      sql.batch(
          "INSERT INTO imports (org_id, blob_id, ordinal, target, alias, line)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          importRows);
      sql.batch(
          "INSERT INTO chunks (org_id, blob_id, ordinal, symbol_ordinal, start_line, end_line,"
              + " start_byte, end_byte, token_estimate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          chunkRows);
      // SQLite's trigram index is written after the manifest switch, by TextIndexer.
      if (sql.vendor() == DatabaseVendor.POSTGRESQL) {
        sql.batch("INSERT INTO blob_text (org_id, blob_id, content) VALUES (?, ?, ?)", textRows);
      }
      sql.batch(
          "INSERT INTO blob_parses (org_id, blob_id, language, package_name, parser,"
              + " line_count, symbol_count, reference_count, import_count, error_count,"
              + " text_indexed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
              + (sql.vendor() == DatabaseVendor.SQLITE ? "0" : "true")
              + ")",
          parseRows);
    });
  }

  private void rows(
      long orgId,
      ParsedBlob blob,
      List<Object[]> symbolRows,
      List<Object[]> refRows,
      List<Object[]> importRows,
      List<Object[]> chunkRows) {
    long blobId = blob.blob().value();
    ParsedFile parsed = blob.parsed();
    List<SymbolDef> symbols = parsed.symbols();
    SymbolNesting nesting = new SymbolNesting(symbols);
    for (int i = 0; i < symbols.size(); i++) {
      SymbolDef s = symbols.get(i);
      symbolRows.add(
          new Object[] {
            orgId,
            blobId,
            i,
            ordinalOrNull(nesting.parent(i)),
            s.name(),
            s.kind().id(),
            s.container(),
            s.qualifiedName(),
            s.signature(),
            s.doc(),
            s.range().startLine(),
            s.range().startColumn(),
            s.range().endLine(),
            s.range().endColumn(),
            s.range().startByte(),
            s.range().endByte(),
            s.nameRange().startLine(),
            s.nameRange().startColumn()
          });
    }
    List<NameRef> refs = parsed.references();
    if (!refs.isEmpty()) {
      int[] enclosing = nesting.enclosing(refs);
      List<StoredReference> stored = new ArrayList<>(refs.size());
      for (int i = 0; i < refs.size(); i++) {
        NameRef r = refs.get(i);
        stored.add(
            new StoredReference(
                r.name(),
                r.kind(),
                r.qualifier(),
                r.range().startLine(),
                r.range().startColumn(),
                r.range().endLine() == r.range().startLine()
                    ? r.range().endColumn()
                    : r.range().startColumn() + r.name().length(),
                enclosing[i],
                r.receiverType(),
                r.arguments()));
      }
      refRows.add(new Object[] {orgId, blobId, PackedReferences.pack(stored)});
    }
    List<ImportDecl> imports = parsed.imports();
    for (int i = 0; i < imports.size(); i++) {
      ImportDecl imp = imports.get(i);
      importRows.add(
          new Object[] {orgId, blobId, i, imp.target(), imp.alias(), imp.range().startLine()});
    }
    List<Chunk> planned = chunks.plan(symbols, nesting, blob.text());
    for (int i = 0; i < planned.size(); i++) {
      Chunk c = planned.get(i);
      chunkRows.add(
          new Object[] {
            orgId,
            blobId,
            i,
            ordinalOrNull(c.symbolOrdinal()),
            c.startLine(),
            c.endLine(),
            c.startByte(),
            c.endByte(),
            c.tokenEstimate()
          });
    }
  }

  // PostgreSQL text cannot hold NUL; a stray one past the binary sniff window is dropped.
  private static Object[] textRow(long orgId, ParsedBlob blob) {
    return new Object[] {orgId, blob.blob().value(), blob.text().replace("\u0000", "")};
  }

  private static @Nullable Integer ordinalOrNull(int ordinal) {
    return ordinal < 0 ? null : ordinal;
  }
}
