package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.navigate.Navigator;
import dev.atelier.platform.Database;
import dev.atelier.repos.BranchId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Editor-style questions about a position in a file of an indexed branch, answered from the index
 * (no language server): the definition of the name under the cursor, its signature and doc, its
 * references, and the file's diagnostics (tree-sitter syntax errors and unresolved imports). Lines
 * and columns are 1-based, columns count characters, as editors show them.
 */
public final class CodeNavigation {

  /** Said wherever a language server would have answered. */
  public static final String NO_LANGUAGE_SERVER =
      "no language server is configured: answers come from the tree-sitter index";

  private final Navigator navigator;
  private final CodeGraph graph;

  public CodeNavigation(Database database, CodeParser parser, CodeGraph graph) {
    requireNonNull(database, "database is null");
    this.graph = requireNonNull(graph, "graph is null");
    this.navigator =
        new Navigator(
            database.dataSource(), database.vendor(), requireNonNull(parser, "parser is null"));
  }

  /**
   * The identifier under a position.
   *
   * @param column 1-based first character
   * @param endColumn 1-based character after the last
   * @param kind how it is used, when the index recorded it as a reference
   * @param definition whether the position is on the name of a definition
   */
  public record Identifier(
      String path,
      String name,
      int line,
      int column,
      int endColumn,
      @Nullable RefKind kind,
      boolean definition) {}

  /**
   * A definition the identifier leads to.
   *
   * @param via how it was found: {@code definition} (the cursor is on it), {@code resolved} (the
   *     reference graph) or {@code name} (a definition with the same name; less sure)
   * @param column 1-based column of the definition's name
   */
  public record Target(
      CodeGraph.SymbolAt symbol,
      String name,
      SymbolKind kind,
      String qualifiedName,
      int line,
      int column,
      String signature,
      @Nullable String doc,
      double confidence,
      String via) {}

  /** What is under a position and where it is defined; empty targets when nothing is known. */
  public record Lookup(Identifier identifier, List<Target> targets) {}

  /** A target with its resolved references, grouped by file. */
  public record TargetReferences(Target target, Map<String, List<CodeGraph.Reference>> byFile) {}

  /**
   * One problem in a file.
   *
   * @param source {@code tree-sitter} or {@code index}
   */
  public record Diagnostic(
      int line,
      int column,
      int endLine,
      int endColumn,
      String severity,
      String source,
      String message) {}

  /** A file's diagnostics and what produced them. */
  public record Diagnostics(
      String path, Language language, List<Diagnostic> diagnostics, String languageServer) {}

  /**
   * The identifier at a position and its definitions: the resolved reference graph first, then
   * definitions of the same name.
   *
   * @return empty when the position holds no identifier
   * @throws dev.atelier.platform.AtelierException for unknown files and positions outside the file
   */
  public java.util.Optional<Lookup> definition(
      long orgId, BranchId branch, String path, int line, int column) {
    return navigator.lookup(orgId, branch.value(), path, line, column, graph);
  }

  /** The references of whatever the identifier at a position leads to (its first targets). */
  public java.util.Optional<List<TargetReferences>> references(
      long orgId, BranchId branch, String path, int line, int column, int maxTargets) {
    return definition(orgId, branch, path, line, column)
        .map(lookup ->
            lookup.targets().stream()
                .limit(maxTargets)
                .map(t -> new TargetReferences(t, graph.references(orgId, branch, t.symbol())))
                .toList());
  }

  /** Syntax errors from a fresh parse of the stored content, and the file's unresolved imports. */
  public Diagnostics diagnostics(long orgId, BranchId branch, String path) {
    return navigator.diagnostics(orgId, branch.value(), path);
  }
}
