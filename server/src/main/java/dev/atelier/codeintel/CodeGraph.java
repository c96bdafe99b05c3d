package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.index.BlobReferences;
import dev.atelier.codeintel.internal.index.PackedReferences.StoredReference;
import dev.atelier.platform.Database;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.BranchId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Queries over a branch's resolved symbol graph and file dependency graph, as the last index run
 * left them: definitions by name, references to a definition, callers and callees to a depth,
 * imports and importers of a file to a depth, and the whole file graph as an edge list.
 */
public final class CodeGraph {

  private final Sql sql;
  private final BlobReferences references;

  public CodeGraph(Database database) {
    requireNonNull(database, "database is null");
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.references = new BlobReferences(sql);
  }

  /** A definition in a branch: the file's path and the symbol's ordinal in that file. */
  public record SymbolAt(String path, int ordinal) {}

  /** A definition with what identifies it to a reader. */
  public record Definition(
      SymbolAt symbol, String name, SymbolKind kind, String qualifiedName, int line) {}

  /**
   * A resolved reference to a definition.
   *
   * @param path the file the reference is in
   * @param ordinal the reference's ordinal in that file
   * @param kind how the name is used
   * @param line its 1-based line
   * @param column its 0-based column
   * @param caller the definition around it, or null at top level
   * @param confidence how sure the resolution is
   */
  public record Reference(
      String path,
      int ordinal,
      RefKind kind,
      int line,
      int column,
      @Nullable Integer caller,
      double confidence) {}

  /** An edge of the call graph, found {@code depth} steps from where the walk started. */
  public record CallEdge(SymbolAt caller, SymbolAt callee, int depth, double confidence) {}

  /** An import edge between files, found {@code depth} steps from where the walk started. */
  public record FileDependency(String from, String to, int depth) {}

  /**
   * An edge of the file graph.
   *
   * @param imports how many imports of {@code from} lead to {@code to}
   * @param references how many references in {@code from} resolve into {@code to}
   */
  public record FileEdge(String from, String to, long imports, long references) {}

  /**
   * Definitions named {@code name}, or whose qualified name is {@code name} or ends with it after a
   * separator ({@code Preconditions.checkNotNull} finds {@code
   * com.google.common.base.Preconditions.checkNotNull}), by path and ordinal.
   */
  public List<Definition> definitions(long orgId, BranchId branch, String name) {
    requireNonNull(name, "name is null");
    String query = name.strip();
    String simple = SymbolNames.lastSegment(query);
    if (simple.isEmpty()) {
      return List.of();
    }
    boolean qualified = !simple.equals(query);
    // The case-insensitive name index answers; exactness is checked here.
    String byName =
        sql.vendor() == DatabaseVendor.POSTGRESQL
            ? "lower(s.name) = lower(?)"
            : "s.name = ? COLLATE NOCASE";
    return sql
        .jdbc()
        .sql(
            "SELECT f.path, s.ordinal, s.name, s.kind, s.qualified_name, s.name_line"
                + " FROM symbols s JOIN branch_files f"
                + " ON f.org_id = s.org_id AND f.blob_id = s.blob_id"
                + " WHERE s.org_id = ? AND "
                + byName
                + " AND f.branch_id = ?"
                + " ORDER BY f.path, s.ordinal")
        .params(orgId, simple, branch.value())
        .query((row, n) ->
            new Definition(
                new SymbolAt(row.getString(1), row.getInt(2)),
                row.getString(3),
                SymbolKind.ofId(row.getString(4)),
                row.getString(5),
                row.getInt(6)))
        .list()
        .stream()
        .filter(d ->
            qualified
                ? SymbolNames.qualifiedMatches(d.qualifiedName(), query)
                : d.name().equals(query) || d.qualifiedName().equals(query))
        .toList();
  }

  /** The resolved references to a definition, grouped by file (in path order). */
  public Map<String, List<Reference>> references(long orgId, BranchId branch, SymbolAt target) {
    Map<String, List<Reference>> byFile = new LinkedHashMap<>();
    Optional<Integer> file = fileId(orgId, branch, target.path());
    if (file.isEmpty()) {
      return byFile;
    }
    List<ResolvedRow> rows =
        sql.jdbc()
            .sql(
                "SELECT f.path, f.blob_id, r.ref_ordinal, r.from_symbol, r.confidence"
                    + " FROM resolved_refs r"
                    + " JOIN branch_files f ON f.org_id = r.org_id AND f.branch_id = r.branch_id"
                    + " AND f.file_id = r.from_file"
                    + " WHERE r.org_id = ? AND r.branch_id = ? AND r.to_file = ?"
                    + " AND r.to_symbol = ? ORDER BY f.path, r.ref_ordinal")
            .params(orgId, branch.value(), file.get(), target.ordinal())
            .query((row, n) -> ResolvedRow.of(row))
            .list();
    Map<Long, List<StoredReference>> sites = sitesOf(orgId, rows);
    for (ResolvedRow row : rows) {
      StoredReference site = site(sites, row);
      if (site != null) {
        byFile
            .computeIfAbsent(row.path(), k -> new ArrayList<>())
            .add(
                new Reference(
                    row.path(),
                    row.ordinal(),
                    site.kind(),
                    site.line(),
                    site.startColumn(),
                    row.symbol(),
                    confidence(row.confidence())));
      }
    }
    return byFile;
  }

  /**
   * A resolved reference row: the file it is in (path and blob), its ordinal there, the symbol at
   * its other end (caller or callee, null at top level) and the confidence.
   */
  private record ResolvedRow(
      String path, long blob, int ordinal, @Nullable Integer symbol, double confidence) {

    static ResolvedRow of(java.sql.ResultSet row) throws java.sql.SQLException {
      int symbol = row.getInt(4);
      Integer symbolOrNull = row.wasNull() ? null : symbol;
      return new ResolvedRow(
          row.getString(1), row.getLong(2), row.getInt(3), symbolOrNull, row.getDouble(5));
    }
  }

  private Map<Long, List<StoredReference>> sitesOf(long orgId, List<ResolvedRow> rows) {
    Set<Long> blobs = new HashSet<>();
    rows.forEach(r -> blobs.add(r.blob()));
    return references.of(orgId, blobs);
  }

  private static @Nullable StoredReference site(
      Map<Long, List<StoredReference>> sites, ResolvedRow row) {
    List<StoredReference> refs = sites.getOrDefault(row.blob(), List.of());
    return row.ordinal() < refs.size() ? refs.get(row.ordinal()) : null;
  }

  /** Who calls the definition, and who calls those, up to {@code depth} steps. */
  public List<CallEdge> callers(long orgId, BranchId branch, SymbolAt target, int depth) {
    return walkCalls(orgId, branch, target, depth, true);
  }

  /** What the definition calls, and what those call, up to {@code depth} steps. */
  public List<CallEdge> callees(long orgId, BranchId branch, SymbolAt source, int depth) {
    return walkCalls(orgId, branch, source, depth, false);
  }

  private List<CallEdge> walkCalls(
      long orgId, BranchId branch, SymbolAt start, int depth, boolean up) {
    List<CallEdge> edges = new ArrayList<>();
    Set<SymbolAt> seen = new HashSet<>();
    seen.add(start);
    Deque<SymbolAt> frontier = new ArrayDeque<>();
    frontier.add(start);
    // columns: the other end's path, the calling file's blob, the reference's ordinal, the other
    // end's symbol, the confidence; whether a reference is a call is in the calling file's blob
    String query =
        up
            ? "SELECT cf.path, cf.blob_id, r.ref_ordinal, r.from_symbol, r.confidence"
                + " FROM resolved_refs r"
                + " JOIN branch_files tf ON tf.org_id = r.org_id AND tf.branch_id = r.branch_id"
                + " AND tf.file_id = r.to_file"
                + " JOIN branch_files cf ON cf.org_id = r.org_id AND cf.branch_id = r.branch_id"
                + " AND cf.file_id = r.from_file"
                + " WHERE r.org_id = ? AND r.branch_id = ? AND tf.path = ? AND r.to_symbol = ?"
                + " AND r.from_symbol IS NOT NULL AND r.confidence >= "
                + ReferenceConfidence.GUESS_BELOW
            : "SELECT tf.path, cf.blob_id, r.ref_ordinal, r.to_symbol, r.confidence"
                + " FROM resolved_refs r"
                + " JOIN branch_files cf ON cf.org_id = r.org_id AND cf.branch_id = r.branch_id"
                + " AND cf.file_id = r.from_file"
                + " JOIN branch_files tf ON tf.org_id = r.org_id AND tf.branch_id = r.branch_id"
                + " AND tf.file_id = r.to_file"
                + " WHERE r.org_id = ? AND r.branch_id = ? AND cf.path = ? AND r.from_symbol = ?"
                + " AND r.confidence >= "
                + ReferenceConfidence.GUESS_BELOW;
    for (int level = 1; level <= depth && !frontier.isEmpty(); level++) {
      Deque<SymbolAt> next = new ArrayDeque<>();
      for (SymbolAt node : frontier) {
        List<ResolvedRow> rows =
            sql.jdbc()
                .sql(query)
                .params(orgId, branch.value(), node.path(), node.ordinal())
                .query((row, n) -> ResolvedRow.of(row))
                .list();
        Map<Long, List<StoredReference>> sites = sitesOf(orgId, rows);
        // one edge per other end, with its best confidence, in (path, ordinal) order
        TreeMap<SymbolAt, Double> others =
            new TreeMap<>(Comparator.comparing(SymbolAt::path).thenComparingInt(SymbolAt::ordinal));
        for (ResolvedRow row : rows) {
          StoredReference site = site(sites, row);
          if (site != null && site.kind() == RefKind.CALL && row.symbol() != null) {
            others.merge(new SymbolAt(row.path(), row.symbol()), row.confidence(), Math::max);
          }
        }
        int at = level;
        others.forEach((other, best) -> {
          double confidence = confidence(best);
          edges.add(
              up
                  ? new CallEdge(other, node, at, confidence)
                  : new CallEdge(node, other, at, confidence));
          if (seen.add(other)) {
            next.add(other);
          }
        });
      }
      frontier = next;
    }
    return edges;
  }

  /** The files {@code path} imports, and what those import, up to {@code depth} steps. */
  public List<FileDependency> imports(long orgId, BranchId branch, String path, int depth) {
    return walkImports(orgId, branch, path, depth, false);
  }

  /** The files importing {@code path}, and their importers, up to {@code depth} steps. */
  public List<FileDependency> importers(long orgId, BranchId branch, String path, int depth) {
    return walkImports(orgId, branch, path, depth, true);
  }

  private List<FileDependency> walkImports(
      long orgId, BranchId branch, String start, int depth, boolean up) {
    List<FileDependency> edges = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(start);
    List<String> frontier = List.of(start);
    String query =
        "SELECT DISTINCT o.path FROM file_dependencies d"
            + " JOIN branch_files h ON h.org_id = d.org_id AND h.branch_id = d.branch_id"
            + (up ? " AND h.file_id = d.to_file" : " AND h.file_id = d.from_file")
            + " JOIN branch_files o ON o.org_id = d.org_id AND o.branch_id = d.branch_id"
            + (up ? " AND o.file_id = d.from_file" : " AND o.file_id = d.to_file")
            + " WHERE d.org_id = ? AND d.branch_id = ? AND h.path = ? AND d.kind = 'file'"
            + " ORDER BY o.path";
    for (int level = 1; level <= depth && !frontier.isEmpty(); level++) {
      List<String> next = new ArrayList<>();
      for (String node : frontier) {
        for (String other :
            sql.jdbc()
                .sql(query)
                .params(orgId, branch.value(), node)
                .query((row, n) -> requireNonNull(row.getString(1)))
                .list()) {
          edges.add(
              up ? new FileDependency(other, node, level) : new FileDependency(node, other, level));
          if (seen.add(other)) {
            next.add(other);
          }
        }
      }
      frontier = next;
    }
    return edges;
  }

  /** The external packages a file imports, sorted. */
  public List<String> externalPackages(long orgId, BranchId branch, String path) {
    return sql.jdbc()
        .sql(
            "SELECT DISTINCT d.external_package FROM file_dependencies d"
                + " JOIN branch_files f ON f.org_id = d.org_id AND f.branch_id = d.branch_id"
                + " AND f.file_id = d.from_file"
                + " WHERE d.org_id = ? AND d.branch_id = ? AND f.path = ? AND d.kind = 'external'"
                + " ORDER BY d.external_package")
        .params(orgId, branch.value(), path)
        .query((row, n) -> requireNonNull(row.getString(1)))
        .list();
  }

  /**
   * Every file-to-file edge of the branch, from imports and from resolved references together (for
   * PageRank and community detection); self-edges and guesses by name alone left out.
   */
  public List<FileEdge> fileGraph(long orgId, BranchId branch) {
    Map<String, long[]> weights = new LinkedHashMap<>();
    String imports =
        "SELECT from_file, to_file, count(*) FROM file_dependencies"
            + " WHERE org_id = ? AND branch_id = ? AND kind = 'file' AND from_file <> to_file"
            + " GROUP BY from_file, to_file";
    String references =
        "SELECT from_file, to_file, count(DISTINCT ref_ordinal) FROM resolved_refs"
            + " WHERE org_id = ? AND branch_id = ? AND from_file <> to_file AND confidence >= "
            + ReferenceConfidence.GUESS_BELOW
            + " GROUP BY from_file, to_file";
    for (int which = 0; which < 2; which++) {
      int slot = which;
      sql.jdbc()
          .sql(which == 0 ? imports : references)
          .params(orgId, branch.value())
          .query(row -> {
            String key = row.getInt(1) + ":" + row.getInt(2);
            weights.computeIfAbsent(key, k -> new long[2])[slot] += row.getLong(3);
          });
    }
    Map<Integer, String> paths = new java.util.HashMap<>();
    sql.jdbc()
        .sql("SELECT file_id, path FROM branch_files WHERE org_id = ? AND branch_id = ?")
        .params(orgId, branch.value())
        .query(row -> {
          paths.put(row.getInt(1), row.getString(2));
        });
    List<FileEdge> edges = new ArrayList<>(weights.size());
    weights.forEach((key, w) -> {
      int colon = key.indexOf(':');
      String from = paths.get(Integer.parseInt(key.substring(0, colon)));
      String to = paths.get(Integer.parseInt(key.substring(colon + 1)));
      if (from != null && to != null) {
        edges.add(new FileEdge(from, to, w[0], w[1]));
      }
    });
    edges.sort(java.util.Comparator.comparing(FileEdge::from).thenComparing(FileEdge::to));
    return edges;
  }

  /** Confidences are stored as REAL (float4 on PostgreSQL): three decimals say all there is. */
  private static double confidence(double stored) {
    return Math.round(stored * 1000) / 1000.0;
  }

  private Optional<Integer> fileId(long orgId, BranchId branch, String path) {
    return sql.jdbc()
        .sql("SELECT file_id FROM branch_files WHERE org_id = ? AND branch_id = ? AND path = ?")
        .params(orgId, branch.value(), path)
        .query(Integer.class)
        .optional();
  }
}
