package dev.atelier.codeintel.internal.navigate;

import dev.atelier.codeintel.CodeGraph;
import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.codeintel.CodeNavigation;
import dev.atelier.codeintel.CodeNavigation.Diagnostic;
import dev.atelier.codeintel.CodeNavigation.Diagnostics;
import dev.atelier.codeintel.CodeNavigation.Identifier;
import dev.atelier.codeintel.CodeNavigation.Lookup;
import dev.atelier.codeintel.CodeNavigation.Target;
import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.ParsedFile;
import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.SourceRange;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.content.BranchContent;
import dev.atelier.codeintel.internal.content.BranchContent.StoredFile;
import dev.atelier.codeintel.internal.index.BlobReferences;
import dev.atelier.codeintel.internal.index.PackedReferences.StoredReference;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.BranchId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Finds the identifier at a position from the file's stored references and definitions (or, when
 * the index holds none there, from the text under the cursor) and follows it to definitions.
 */
public final class Navigator {

  private static final int MAX_NAME_MATCHES = 20;

  private final Sql sql;
  private final BranchContent content;
  private final CodeParser parser;

  public Navigator(DataSource dataSource, DatabaseVendor vendor, CodeParser parser) {
    this.sql = new Sql(dataSource, vendor);
    this.content = new BranchContent(dataSource, vendor);
    this.parser = parser;
  }

  public Optional<Lookup> lookup(
      long orgId, long branchId, String path, int line, int column, CodeGraph graph) {
    StoredFile file = file(orgId, branchId, path);
    LineText text = LineText.of(path, requireText(file), line, column);
    int byteColumn = text.byteColumn(column);

    // the cursor on a definition's name: the definition itself
    Optional<Target> self = definitionNamed(orgId, file, line, byteColumn, text);
    if (self.isPresent()) {
      Target target = self.get();
      Identifier id =
          new Identifier(
              path,
              target.name(),
              line,
              target.column(),
              target.column() + target.name().length(),
              null,
              true);
      return Optional.of(new Lookup(id, List.of(target)));
    }
    Optional<StoredRef> ref = referenceAt(orgId, file.blobId(), line, byteColumn);
    if (ref.isPresent()) {
      StoredRef r = ref.get();
      Identifier id =
          new Identifier(
              path,
              r.name,
              line,
              text.charColumn(r.startByte),
              text.charColumn(r.endByte),
              r.kind,
              false);
      List<Target> resolved = resolved(orgId, branchId, file.fileId(), r.ordinal);
      return Optional.of(
          new Lookup(
              id, resolved.isEmpty() ? byName(orgId, branchId, file, r.name, graph) : resolved));
    }
    Optional<LineText.Word> word = text.wordAt(column);
    if (word.isEmpty()) {
      return Optional.empty();
    }
    LineText.Word w = word.get();
    Identifier id = new Identifier(path, w.text(), line, w.start(), w.end(), null, false);
    return Optional.of(new Lookup(id, byName(orgId, branchId, file, w.text(), graph)));
  }

  public Diagnostics diagnostics(long orgId, long branchId, String path) {
    StoredFile file = file(orgId, branchId, path);
    String source = requireText(file);
    List<Diagnostic> out = new ArrayList<>();
    if (file.language().parsed()) {
      ParsedFile parsed = parser.parse(file.language(), source);
      LineText lines = LineText.of(path, source);
      for (SourceRange error : parsed.syntaxErrors()) {
        out.add(syntaxError(lines, error));
      }
    }
    sql.jdbc()
        .sql(
            "SELECT i.target, i.line FROM file_dependencies d"
                + " JOIN imports i ON i.org_id = d.org_id AND i.blob_id = ?"
                + " AND i.ordinal = d.import_ordinal"
                + " WHERE d.org_id = ? AND d.branch_id = ? AND d.from_file = ?"
                + " AND d.kind = 'unresolved' ORDER BY i.line, i.ordinal")
        .params(file.blobId(), orgId, branchId, file.fileId())
        .query(row -> {
          out.add(
              new Diagnostic(
                  row.getInt(2),
                  1,
                  row.getInt(2),
                  1,
                  "warning",
                  "index",
                  "unresolved import '"
                      + row.getString(1)
                      + "': no file of the branch provides it"));
        });
    out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return new Diagnostics(path, file.language(), out, CodeNavigation.NO_LANGUAGE_SERVER);
  }

  private static Diagnostic syntaxError(LineText lines, SourceRange error) {
    int column = lines.charColumnOnLine(error.startLine(), error.startColumn());
    int endColumn = lines.charColumnOnLine(error.endLine(), error.endColumn());
    String message;
    if (error.startByte() == error.endByte()) {
      message = "syntax error: something is missing here (tree-sitter MISSING node)";
    } else {
      String excerpt = lines.excerpt(error, 40);
      message = "syntax error: unexpected " + (excerpt.isEmpty() ? "input" : "'" + excerpt + "'");
    }
    return new Diagnostic(
        error.startLine(), column, error.endLine(), endColumn, "error", "tree-sitter", message);
  }

  private StoredFile file(long orgId, long branchId, String path) {
    return content
        .file(orgId, branchId, path)
        .orElseThrow(() ->
            new AtelierException(
                CodeIntelError.FILE_NOT_FOUND,
                "no file '" + path + "' in this branch; paths are repository-relative"));
  }

  private static String requireText(StoredFile file) {
    String text = file.text();
    if (text == null) {
      throw new AtelierException(
          CodeIntelError.FILE_NOT_FOUND,
          "'" + file.path() + "' is binary or too large: the index keeps no text for it");
    }
    return text;
  }

  private Optional<Target> definitionNamed(
      long orgId, StoredFile file, int line, int byteColumn, LineText text) {
    return sql
        .jdbc()
        .sql(
            "SELECT ordinal, name, kind, qualified_name, name_column, signature, doc FROM symbols"
                + " WHERE org_id = ? AND blob_id = ? AND name_line = ? ORDER BY ordinal")
        .params(orgId, file.blobId(), line)
        .query((row, n) ->
            new Target(
                new CodeGraph.SymbolAt(file.path(), row.getInt(1)),
                row.getString(2),
                SymbolKind.ofId(row.getString(3)),
                row.getString(4),
                line,
                row.getInt(5),
                row.getString(6),
                nullable(row.getString(7)),
                1.0,
                "definition"))
        .list()
        .stream()
        .filter(t -> byteColumn >= t.column() && byteColumn < t.column() + Utf8.length(t.name()))
        .findFirst()
        .map(t ->
            new Target(
                t.symbol(),
                t.name(),
                t.kind(),
                t.qualifiedName(),
                t.line(),
                text.charColumn(t.column()),
                t.signature(),
                t.doc(),
                t.confidence(),
                t.via()));
  }

  private record StoredRef(int ordinal, String name, RefKind kind, int startByte, int endByte) {}

  private Optional<StoredRef> referenceAt(long orgId, long blobId, int line, int byteColumn) {
    List<StoredReference> refs = new BlobReferences(sql).of(orgId, blobId);
    StoredRef best = null;
    for (int i = 0; i < refs.size(); i++) {
      StoredReference r = refs.get(i);
      if (r.line() == line && r.startColumn() <= byteColumn && r.endColumn() > byteColumn) {
        // the narrowest reference under the cursor, the first of equals
        if (best == null || r.endColumn() - r.startColumn() < best.endByte() - best.startByte()) {
          best = new StoredRef(i, r.name(), r.kind(), r.startColumn(), r.endColumn());
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private List<Target> resolved(long orgId, long branchId, int fileId, int refOrdinal) {
    return sql
        .jdbc()
        .sql(
            "SELECT t.path, r.to_symbol, s.name, s.kind, s.qualified_name, s.name_line,"
                + " s.name_column, s.signature, s.doc, r.confidence FROM resolved_refs r"
                + " JOIN branch_files t ON t.org_id = r.org_id AND t.branch_id = r.branch_id"
                + " AND t.file_id = r.to_file"
                + " JOIN symbols s ON s.org_id = t.org_id AND s.blob_id = t.blob_id"
                + " AND s.ordinal = r.to_symbol"
                + " WHERE r.org_id = ? AND r.branch_id = ? AND r.from_file = ? AND r.ref_ordinal = ?")
        .params(orgId, branchId, fileId, refOrdinal)
        .query((row, n) -> target(row, Math.round(row.getDouble(10) * 1000) / 1000.0, "resolved"))
        .list()
        .stream()
        .sorted(
            Comparator.comparingDouble(Target::confidence)
                .reversed()
                .thenComparing(t -> t.symbol().path())
                .thenComparingInt(Target::line))
        .toList();
  }

  /**
   * Definitions named like the identifier, when the graph has no answer: the same file first, then
   * files it imports, then the rest; confidence says how much a bare name match is worth.
   */
  private List<Target> byName(
      long orgId, long branchId, StoredFile file, String name, CodeGraph graph) {
    String nameMatch =
        switch (sql.vendor()) {
          case SQLITE -> "s.name = ? COLLATE NOCASE AND s.name = ?";
          case POSTGRESQL -> "lower(s.name) = lower(?) AND s.name = ?";
        };
    // the file's own definitions first (never cut by the limit), then the branch's, unordered:
    // sorting every match of a common name like String would cost more than the lookup
    List<Target> found =
        new ArrayList<>(
            sql.jdbc()
                .sql(
                    "SELECT ?, s.ordinal, s.name, s.kind, s.qualified_name, s.name_line,"
                        + " s.name_column, s.signature, s.doc FROM symbols s"
                        + " WHERE s.org_id = ? AND s.blob_id = ? AND s.name = ?")
                .params(file.path(), orgId, file.blobId(), name)
                .query((row, n) -> target(row, 0, "name"))
                .list());
    Set<CodeGraph.SymbolAt> seen = new HashSet<>();
    found.forEach(t -> seen.add(t.symbol()));
    sql
        .jdbc()
        .sql(
            "SELECT f.path, s.ordinal, s.name, s.kind, s.qualified_name, s.name_line,"
                + " s.name_column, s.signature, s.doc FROM symbols s"
                + " JOIN branch_files f ON f.org_id = s.org_id AND f.blob_id = s.blob_id"
                + " WHERE s.org_id = ? AND "
                + nameMatch
                + " AND f.branch_id = ? LIMIT "
                + (MAX_NAME_MATCHES * 5))
        .params(orgId, name, name, branchId)
        .query((row, n) -> target(row, 0, "name"))
        .list()
        .stream()
        .filter(t -> seen.add(t.symbol()))
        .forEach(found::add);
    if (found.isEmpty()) {
      return found;
    }
    String path = file.path();
    String folder = path.lastIndexOf('/') < 0 ? "" : path.substring(0, path.lastIndexOf('/') + 1);
    Set<String> imported = new HashSet<>();
    graph.imports(orgId, new BranchId(branchId), path, 1).forEach(d -> imported.add(d.to()));
    double unique = found.size() == 1 ? 0.1 : 0;
    List<Target> ranked = new ArrayList<>();
    for (Target t : found) {
      String at = t.symbol().path();
      double confidence =
          at.equals(path)
              ? 0.6
              : imported.contains(at)
                      || (at.startsWith(folder) && at.indexOf('/', folder.length()) < 0)
                  ? 0.5
                  : 0.3;
      ranked.add(
          new Target(
              t.symbol(),
              t.name(),
              t.kind(),
              t.qualifiedName(),
              t.line(),
              t.column(),
              t.signature(),
              t.doc(),
              Math.min(1, confidence + unique),
              "name"));
    }
    ranked.sort(
        Comparator.comparingDouble(Target::confidence)
            .reversed()
            .thenComparing(t -> t.symbol().path())
            .thenComparingInt(Target::line));
    return ranked.subList(0, Math.min(MAX_NAME_MATCHES, ranked.size()));
  }

  /** Columns come back as stored (0-based bytes); good enough for ASCII names, +1 for editors. */
  private static Target target(ResultSet row, double confidence, String via) throws SQLException {
    return new Target(
        new CodeGraph.SymbolAt(row.getString(1), row.getInt(2)),
        row.getString(3),
        SymbolKind.ofId(row.getString(4)),
        row.getString(5),
        row.getInt(6),
        row.getInt(7) + 1,
        row.getString(8),
        nullable(row.getString(9)),
        confidence,
        via);
  }

  private static @Nullable String nullable(@Nullable String value) {
    return value;
  }
}
