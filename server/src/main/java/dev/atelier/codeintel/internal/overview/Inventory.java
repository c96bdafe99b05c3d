package dev.atelier.codeintel.internal.overview;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ReferenceConfidence;
import dev.atelier.codeintel.RepositoryOverview.CentralFile;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.classify.FileClasses;
import dev.atelier.platform.Sql;
import dev.atelier.repos.BranchId;
import dev.atelier.repos.FileClass;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an overview reads of a branch: its files (path, language, code lines, bytes), and on demand
 * the text of a few files, its definitions and its external imports. Every query filters by org and
 * branch.
 */
public final class Inventory {

  /** Files larger than this are not read as build files. */
  private static final int MAX_READ_BYTES = 1 << 20;

  /**
   * A file of the branch; {@code lines} is 0 for files the indexer did not parse, {@code fileClass}
   * what the indexer decided it is.
   */
  public record FileInfo(
      String path, Language language, long lines, long bytes, FileClass fileClass) {

    boolean isTest() {
      return fileClass == FileClass.TEST;
    }

    String folder() {
      int slash = path.lastIndexOf('/');
      return slash < 0 ? "" : path.substring(0, slash);
    }

    String name() {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  /** A definition: its name and kind, where it is, and the type around it if any. */
  public record Definition(String path, String name, SymbolKind kind, int line) {}

  /** An external package and the files that import it. */
  public record ExternalImport(String name, int files, String example) {}

  private final Sql sql;
  private final long orgId;
  private final BranchId branch;
  private final List<FileInfo> files;
  private final Map<String, FileInfo> byPath = new LinkedHashMap<>();
  private int definitionStep = 1;

  private Inventory(Sql sql, long orgId, BranchId branch, List<FileInfo> files) {
    this.sql = sql;
    this.orgId = orgId;
    this.branch = branch;
    this.files = files;
    files.forEach(f -> byPath.put(f.path(), f));
  }

  public static Inventory load(Sql sql, long orgId, BranchId branch) {
    List<FileInfo> files =
        sql.jdbc()
            .sql(
                "SELECT e.path, b.size_bytes, p.line_count, e.file_class FROM branches br"
                    + " JOIN manifest_entries e ON e.org_id = br.org_id"
                    + " AND e.manifest_id = br.manifest_id"
                    + " JOIN blobs b ON b.org_id = e.org_id AND b.id = e.blob_id"
                    + " LEFT JOIN blob_parses p ON p.org_id = e.org_id AND p.blob_id = e.blob_id"
                    + " WHERE br.org_id = ? AND br.id = ? ORDER BY e.path")
            .params(orgId, branch.value())
            .query((row, n) -> {
              String path = row.getString(1);
              return new FileInfo(
                  path,
                  Language.ofPath(path),
                  row.getLong(3),
                  row.getLong(2),
                  FileClasses.read(row.getString(4)));
            })
            .list();
    return new Inventory(sql, orgId, branch, files);
  }

  public List<FileInfo> files() {
    return files;
  }

  public boolean has(String path) {
    return byPath.containsKey(path);
  }

  /** Whether the indexer classed the file as a test (or its data). */
  public boolean isTest(String path) {
    FileInfo file = byPath.get(path);
    return file != null && file.isTest();
  }

  /** The text of these files (those that exist, are text and are at most 1 MiB), by path. */
  public Map<String, String> read(Collection<String> paths) {
    List<String> wanted =
        paths.stream()
            .filter(p -> byPath.containsKey(p) && byPath.get(p).bytes() <= MAX_READ_BYTES)
            .distinct()
            .toList();
    Map<String, String> texts = new LinkedHashMap<>();
    for (int from = 0; from < wanted.size(); from += 200) {
      List<String> slice = wanted.subList(from, Math.min(wanted.size(), from + 200));
      List<Object> params = new ArrayList<>(List.of(orgId, branch.value()));
      params.addAll(slice);
      sql.jdbc()
          .sql(
              "SELECT e.path, b.content FROM branches br"
                  + " JOIN manifest_entries e ON e.org_id = br.org_id"
                  + " AND e.manifest_id = br.manifest_id"
                  + " JOIN blobs b ON b.org_id = e.org_id AND b.id = e.blob_id"
                  + " WHERE br.org_id = ? AND br.id = ? AND b.content_kind = 'text'"
                  + " AND e.path IN ("
                  + "?,".repeat(slice.size() - 1)
                  + "?)")
          .params(params)
          .query(row -> {
            byte[] content = row.getBytes(2);
            if (content != null) {
              texts.put(row.getString(1), new String(content, StandardCharsets.UTF_8));
            }
          });
    }
    return texts;
  }

  public Optional<String> read(String path) {
    return Optional.ofNullable(read(List.of(path)).get(path));
  }

  /**
   * The definitions of the kinds naming conventions are about (types, functions, fields, variables,
   * constants), in path order; above {@code max} of them, every n-th (by symbol id), so a very
   * large branch answers as fast as a large one. The step is {@link #definitionStep}.
   */
  public List<Definition> definitions(int max) {
    String kinds =
        " AND s.kind IN ('class', 'interface', 'enum', 'record', 'struct', 'trait', 'type_alias',"
            + " 'function', 'method', 'field', 'property', 'variable', 'constant')";
    long total =
        sql.jdbc()
            .sql(
                "SELECT count(*) FROM branch_files f"
                    + " JOIN symbols s ON s.org_id = f.org_id AND s.blob_id = f.blob_id"
                    + " WHERE f.org_id = ? AND f.branch_id = ?"
                    + kinds)
            .params(orgId, branch.value())
            .query(Long.class)
            .single();
    definitionStep = (int) Math.max(1, (total + max - 1) / max);
    return sql.jdbc()
        .sql(
            "SELECT f.path, s.name, s.kind, s.name_line FROM branch_files f"
                + " JOIN symbols s ON s.org_id = f.org_id AND s.blob_id = f.blob_id"
                + " WHERE f.org_id = ? AND f.branch_id = ?"
                + kinds
                + " AND s.id % ? = 0 ORDER BY f.path, s.ordinal")
        .params(orgId, branch.value(), definitionStep)
        .query(Inventory::definition)
        .list();
  }

  // Rows of (path, name, kind, name_line), as the definition queries select them.
  private static Definition definition(java.sql.ResultSet row, int n) throws java.sql.SQLException {
    return new Definition(
        row.getString(1), row.getString(2), SymbolKind.ofId(row.getString(3)), row.getInt(4));
  }

  /** 1 if {@link #definitions} read every definition, n if it read every n-th. */
  public int definitionStep() {
    return definitionStep;
  }

  /** Types named {@code *Exception} or {@code *Error}: a project's own exception types. */
  public List<Definition> exceptionTypes() {
    return sql
        .jdbc()
        .sql(
            "SELECT f.path, s.name, s.kind, s.name_line FROM branch_files f"
                + " JOIN symbols s ON s.org_id = f.org_id AND s.blob_id = f.blob_id"
                + " WHERE f.org_id = ? AND f.branch_id = ?"
                + " AND s.kind IN ('class', 'interface', 'record', 'struct', 'type_alias')"
                + " AND (s.name LIKE '%Exception' OR s.name LIKE '%Error') ORDER BY f.path")
        .params(orgId, branch.value())
        .query(Inventory::definition)
        .list()
        .stream()
        .filter(d -> d.name().endsWith("Exception") || d.name().endsWith("Error"))
        .toList();
  }

  /** Definitions with this exact name, in path order. */
  public List<Definition> definitionsNamed(String name) {
    return sql.jdbc()
        .sql(
            "SELECT f.path, s.name, s.kind, s.name_line FROM branch_files f"
                + " JOIN symbols s ON s.org_id = f.org_id AND s.blob_id = f.blob_id"
                + " WHERE f.org_id = ? AND f.branch_id = ? AND s.name = ? ORDER BY f.path")
        .params(orgId, branch.value(), name)
        .query(Inventory::definition)
        .list();
  }

  /** Files by distinct dependents, from import edges and resolved references together. */
  public static List<CentralFile> mostDependedOn(Sql sql, long orgId, BranchId branch, int limit) {
    Map<String, FileClass> classes = FileClasses.ofBranch(sql, orgId, branch.value());
    return sql
        .jdbc()
        .sql(
            "SELECT f.path, c.dependents FROM (SELECT to_file, count(*) AS dependents FROM ("
                + "SELECT from_file, to_file FROM file_dependencies WHERE org_id = ? AND branch_id = ?"
                + " AND kind = 'file' AND from_file <> to_file"
                + " UNION SELECT from_file, to_file FROM resolved_refs WHERE org_id = ?"
                + " AND branch_id = ? AND from_file <> to_file AND confidence >= "
                + ReferenceConfidence.GUESS_BELOW
                + ") e GROUP BY to_file) c"
                + " JOIN branch_files f ON f.org_id = ? AND f.branch_id = ? AND f.file_id = c.to_file"
                + " ORDER BY c.dependents DESC, f.path LIMIT ?")
        .params(orgId, branch.value(), orgId, branch.value(), orgId, branch.value(), limit * 4)
        .query((row, n) -> new CentralFile(row.getString(1), row.getInt(2)))
        .list()
        .stream()
        // tests and their fixtures are depended on by the tests only: not where to start reading
        .filter(f -> classes.get(f.path()) != FileClass.TEST)
        .limit(limit)
        .toList();
  }

  /** The external packages the branch imports, with how many files import each. */
  public List<ExternalImport> externalImports() {
    return sql.jdbc()
        .sql(
            "SELECT d.external_package, count(DISTINCT d.from_file), min(f.path)"
                + " FROM file_dependencies d JOIN branch_files f ON f.org_id = d.org_id"
                + " AND f.branch_id = d.branch_id AND f.file_id = d.from_file"
                + " WHERE d.org_id = ? AND d.branch_id = ? AND d.kind = 'external'"
                + " GROUP BY d.external_package")
        .params(orgId, branch.value())
        .query((row, n) -> new ExternalImport(row.getString(1), row.getInt(2), row.getString(3)))
        .list();
  }
}
