package dev.atelier.cli;

import dev.atelier.codeintel.CodeGraph;
import dev.atelier.codeintel.SymbolHit;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.mcp.ToolCall;
import dev.atelier.repos.ManifestEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Realistic arguments for each tool, drawn from the index itself with a fixed seed: files that
 * exist, symbols that are defined in them, positions where a reference really sits. The same corpus
 * gives the same workload on every run.
 */
final class ToolWorkload {

  private static final Set<SymbolKind> CALLABLE =
      Set.of(SymbolKind.FUNCTION, SymbolKind.METHOD, SymbolKind.CLASS, SymbolKind.INTERFACE);

  private static final List<String> QUESTIONS =
      List.of(
          "parse the request headers",
          "read a file into a buffer",
          "compare two strings ignoring case",
          "handle a timeout when connecting",
          "encode a value as json",
          "validate user input",
          "sort a list of items",
          "where are errors logged",
          "open a database connection",
          "compute a hash of the content");

  private final List<String> files;
  private final List<SymbolHit> symbols;
  private final List<Map<String, Object>> positions;

  private ToolWorkload(
      List<String> files, List<SymbolHit> symbols, List<Map<String, Object>> positions) {
    this.files = files;
    this.symbols = symbols;
    this.positions = positions;
  }

  /** Samples {@code size} files, their callable symbols, and reference positions in the tree. */
  static ToolWorkload sample(ToolCall call, Path tree, int size) {
    Random random = new Random(42);
    List<String> paths =
        call
            .core()
            .repos()
            .manifests()
            .entries(call.orgId(), call.branch().currentManifest().orElseThrow())
            .stream()
            .map(ManifestEntry::path)
            .map(Object::toString)
            .toList();
    List<String> shuffled = new ArrayList<>(paths);
    Collections.shuffle(shuffled, random);
    List<String> files = new ArrayList<>();
    List<SymbolHit> symbols = new ArrayList<>();
    for (String path : shuffled) {
      if (files.size() >= size) {
        break;
      }
      List<SymbolHit> outline =
          call.core().search().outline(call.repository(), call.branch().name(), path);
      List<SymbolHit> callable = outline.stream().filter(s -> CALLABLE.contains(s.kind())).toList();
      if (!callable.isEmpty()) {
        files.add(path);
        symbols.add(callable.get(random.nextInt(callable.size())));
      }
    }
    return new ToolWorkload(
        List.copyOf(files), List.copyOf(symbols), positions(call, tree, symbols));
  }

  // A position for the LSP tools: a line where the symbol is referenced, at its name's column.
  private static List<Map<String, Object>> positions(
      ToolCall call, Path tree, List<SymbolHit> symbols) {
    List<Map<String, Object>> out = new ArrayList<>();
    CodeGraph graph = call.core().graph();
    for (SymbolHit symbol : symbols) {
      for (CodeGraph.Definition definition :
          graph.definitions(call.orgId(), call.branch().id(), symbol.qualifiedName())) {
        graph.references(call.orgId(), call.branch().id(), definition.symbol()).entrySet().stream()
            .findFirst()
            .ifPresent(e ->
                column(tree, e.getKey(), e.getValue().getFirst().line(), symbol.name())
                    .ifPresent(column ->
                        out.add(
                            Map.of(
                                "path",
                                e.getKey(),
                                "line",
                                e.getValue().getFirst().line(),
                                "column",
                                column))));
        break;
      }
    }
    return out;
  }

  private static java.util.Optional<Integer> column(Path tree, String path, int line, String name) {
    try {
      List<String> lines = Files.readAllLines(tree.resolve(path), StandardCharsets.UTF_8);
      int at = line >= 1 && line <= lines.size() ? lines.get(line - 1).indexOf(name) : -1;
      return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(at + 1);
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** The argument sets for each tool this workload knows how to drive, by tool name. */
  Map<String, List<Map<String, Object>>> arguments() {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("search_symbols", each(symbols, s -> Map.of("query", prefix(s.name()))));
    out.put("symbols", each(files, f -> Map.of("path", f)));
    out.put("cross_references", each(symbols, s -> Map.of("symbol", s.qualifiedName())));
    out.put("dependency_graph", each(files, f -> Map.of("path", f)));
    out.put("lsp_definition", positions);
    out.put("lsp_hover", positions);
    out.put("lsp_references", positions);
    out.put("semantic_search", each(QUESTIONS, q -> Map.of("query", q)));
    out.put("relevant_context", each(QUESTIONS, q -> Map.of("task", q)));
    out.put("impact_analysis", each(files, f -> Map.of("files", List.of(f))));
    out.put("repo_map", List.of(Map.of("max_tokens", 4000)));
    out.put("file_analysis", each(files, f -> Map.of("path", f)));
    out.put("find_related", each(files, f -> Map.of("path", f)));
    out.put("lsp_diagnostics", each(files, f -> Map.of("path", f)));
    out.put("explore_codebase", each(files, f -> Map.of("path", folder(f))));
    out.put(
        "graph_query",
        each(symbols, s -> Map.of("query", "callers", "from", s.qualifiedName(), "depth", 2)));
    out.put("recall", each(QUESTIONS, q -> Map.of("query", q)));
    for (String whole :
        List.of(
            "hotspots",
            "community_detection",
            "conventions",
            "project_summary",
            "dependencies",
            "bootstrap",
            "list_learnings",
            "security_scan")) {
      out.put(whole, List.of(Map.of()));
    }
    out.values().removeIf(List::isEmpty);
    return out;
  }

  /** Regular expressions with a literal of three or more characters, from sampled names. */
  List<String> regexes() {
    return symbols.stream()
        .map(SymbolHit::name)
        .filter(n -> n.length() >= 4 && n.chars().allMatch(Character::isJavaIdentifierPart))
        .distinct()
        .limit(10)
        .map(n -> n + "\\s*\\(")
        .toList();
  }

  private static String folder(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  private static String prefix(String name) {
    return name.length() <= 4 ? name : name.substring(0, Math.max(4, name.length() / 2));
  }

  private static <T> List<Map<String, Object>> each(
      List<T> items, Function<T, Map<String, Object>> arguments) {
    return items.stream().map(arguments).toList();
  }
}
