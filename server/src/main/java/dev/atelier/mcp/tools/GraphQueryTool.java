package dev.atelier.mcp.tools;

import dev.atelier.codeintel.GraphAnalysis;
import dev.atelier.codeintel.GraphAnalysis.FileLink;
import dev.atelier.codeintel.GraphAnalysis.Filter;
import dev.atelier.codeintel.GraphAnalysis.Symbol;
import dev.atelier.codeintel.GraphAnalysis.SymbolEdge;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code graph_query}: callers, callees, imports, importers and shortest paths. */
public final class GraphQueryTool implements AgentTool {

  private static final List<String> QUERIES =
      List.of("callers", "callees", "imports", "importers", "path");
  private static final int STRUCTURED_LIMIT = 500;

  @Override
  public String name() {
    return "graph_query";
  }

  @Override
  public String description() {
    return "Structured queries over the code graph. query=callers|callees: who calls `from` (a"
        + " symbol name or qualified name) or what it calls, to `depth` steps; query=imports|"
        + "importers: the files `from` (a file) depends on or that depend on it (imports or"
        + " resolved references), to `depth`; query=path: a shortest path from `from` to `to`"
        + " (two files over the file graph, or two symbols over the reference graph; `depth` is"
        + " the longest path tried). Results can be filtered by symbol `kinds` and a `path` glob.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .enumeration("query", "what to ask", QUERIES)
        .string(
            "from", "a symbol (callers, callees, path) or a file (imports, importers, path)", true)
        .string("to", "the other end, for query=path", false)
        .integer("depth", "steps to walk (default 1; for path the longest path, default 6)", 1, 10)
        .strings("kinds", "keep only symbols of these kinds: function, method, class, ...", false)
        .string(
            "path",
            "keep only results whose file matches this glob, e.g. src/** or *_test.go",
            false)
        .maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments args = call.arguments();
    String query = args.string("query").toLowerCase(Locale.ROOT);
    if (!QUERIES.contains(query)) {
      throw ToolArguments.invalid(
          "query must be one of " + String.join(", ", QUERIES) + ", not \"" + query + "\"");
    }
    String from = args.string("from");
    int depth = args.integer("depth", query.equals("path") ? 6 : 1, 1, 10);
    Filter filter = new Filter(kinds(args), args.optionalString("path").orElse(null));
    GraphAnalysis analysis = call.core().analysis();
    TextBudget text = call.budget(4000);
    return switch (query) {
      case "callers", "callees" -> {
        boolean up = query.equals("callers");
        List<SymbolEdge> edges =
            up
                ? analysis.callers(call.branch(), from, depth, filter)
                : analysis.callees(call.branch(), from, depth, filter);
        text.line(
            query + " of " + from + " (" + edges.size() + " call edges, depth <= " + depth + "):");
        for (SymbolEdge edge : edges) {
          Symbol shown = up ? edge.from() : edge.to();
          Symbol other = up ? edge.to() : edge.from();
          text.line(
              "  "
                  + edge.depth()
                  + ' '
                  + anchor(shown)
                  + (up ? " calls " : " called by ")
                  + other.qualifiedName()
                  + (edge.references() > 1 ? " (" + edge.references() + "x)" : ""));
        }
        yield ToolAnswer.of(text.toString(), Map.of("edges", limit(edges)));
      }
      case "imports", "importers" -> {
        String path = RepoPaths.relative(call, from);
        boolean up = query.equals("importers");
        List<FileLink> links =
            up
                ? analysis.importers(call.branch(), path, depth, filter)
                : analysis.imports(call.branch(), path, depth, filter);
        text.line(query + " of " + path + " (" + links.size() + " edges, depth <= " + depth + "):");
        for (FileLink link : links) {
          text.line(
              "  "
                  + link.depth()
                  + ' '
                  + (up ? link.from() : link.to())
                  + " ("
                  + link.imports()
                  + " imports, "
                  + link.references()
                  + " refs)");
        }
        yield ToolAnswer.of(text.toString(), Map.of("edges", limit(links)));
      }
      default -> path(call, analysis, from, args.string("to"), depth, text);
    };
  }

  private static ToolAnswer path(
      ToolCall call, GraphAnalysis analysis, String from, String to, int depth, TextBudget text) {
    String a = looksLikePath(from) ? RepoPaths.relative(call, from) : from;
    String b = looksLikePath(to) ? RepoPaths.relative(call, to) : to;
    GraphAnalysis.GraphPath path = analysis.path(call.branch(), a, b, depth);
    List<String> steps =
        !path.files().isEmpty()
            ? path.files()
            : path.symbols().stream().map(s -> anchor(s)).toList();
    if (steps.isEmpty()) {
      text.line("no path between " + a + " and " + b + " within " + depth + " steps, either way");
    } else {
      text.line(
          "shortest path"
              + (path.reversed() ? " (reversed: from " + b + " to " + a + ")" : "")
              + ", "
              + (steps.size() - 1)
              + " steps:");
      steps.forEach(s -> text.line("  " + s));
    }
    return ToolAnswer.of(
        text.toString(),
        Map.of("files", path.files(), "symbols", path.symbols(), "reversed", path.reversed()));
  }

  // Symbols may be qualified (a.b.C) but files are only taken as paths when they look like one.
  private static boolean looksLikePath(String value) {
    return value.contains("/") || value.matches(".*\\.[A-Za-z0-9]{1,5}$") && !value.contains(" ");
  }

  private static String anchor(Symbol s) {
    return s.path() + ':' + s.line() + ' ' + s.kind().id() + ' ' + s.qualifiedName();
  }

  private static <T> List<T> limit(List<T> all) {
    return all.subList(0, Math.min(STRUCTURED_LIMIT, all.size()));
  }

  private static Set<SymbolKind> kinds(ToolArguments args) {
    Set<SymbolKind> kinds = EnumSet.noneOf(SymbolKind.class);
    for (String kind : args.strings("kinds")) {
      try {
        kinds.add(SymbolKind.ofId(kind));
      } catch (IllegalArgumentException e) {
        throw ToolArguments.invalid(
            "unknown kind \""
                + kind
                + "\"; kinds are "
                + Arrays.stream(SymbolKind.values())
                    .map(SymbolKind::id)
                    .collect(Collectors.joining(", ")));
      }
    }
    return kinds;
  }
}
