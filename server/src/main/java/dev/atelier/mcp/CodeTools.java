package dev.atelier.mcp;

import dev.atelier.codeintel.CodeGraph;
import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.codeintel.SymbolHit;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.platform.AtelierException;
import dev.atelier.repos.Branch;
import dev.atelier.repos.BranchState;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.Repository;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The code-intelligence tools of seed 000 that this build answers, over one working tree: {@code
 * search_symbols} and {@code symbols}. The index opens (and, the first time, builds) on the first
 * call, so {@code initialize} stays fast.
 */
public final class CodeTools {

  private static final int DEFAULT_LIMIT = 20;

  private final Supplier<CodeIntelligence> core;
  private final Path folder;

  public CodeTools(Supplier<CodeIntelligence> core, Path folder) {
    this.core = core;
    this.folder = folder;
  }

  /** The tool specifications to register with the MCP server. */
  public List<SyncToolSpecification> specifications() {
    return List.of(
        tool(
            "search_symbols",
            "Find symbols by name: exact, prefix, camel humps (HSR finds HttpServletRequest),"
                + " fuzzy. Answers path:line anchors, best first.",
            Map.of(
                "type", "object",
                "properties",
                    Map.of(
                        "query", Map.of("type", "string", "description", "the name or part of it"),
                        "kinds",
                            Map.of(
                                "type", "array",
                                "items", Map.of("type", "string"),
                                "description", "only these kinds: class, method, function, ..."),
                        "limit", Map.of("type", "integer", "minimum", 1, "maximum", 200)),
                "required", List.of("query")),
            this::searchSymbols),
        tool(
            "symbols",
            "The outline of one file: its symbols with kinds, signatures and lines.",
            Map.of(
                "type", "object",
                "properties",
                    Map.of("path", Map.of("type", "string", "description", "repository-relative")),
                "required", List.of("path")),
            this::outline),
        tool(
            "cross_references",
            "A symbol's definition(s) and every resolved reference to it, grouped by file, with"
                + " path:line anchors and the confidence of each resolution.",
            Map.of(
                "type", "object",
                "properties",
                    Map.of(
                        "symbol",
                        Map.of("type", "string", "description", "a name or a qualified name")),
                "required", List.of("symbol")),
            this::crossReferences),
        tool(
            "dependency_graph",
            "Imports out of a file (what it depends on) and into it (what depends on it), to a"
                + " depth, plus the external packages it imports.",
            Map.of(
                "type", "object",
                "properties",
                    Map.of(
                        "path", Map.of("type", "string", "description", "repository-relative"),
                        "depth", Map.of("type", "integer", "minimum", 1, "maximum", 5)),
                "required", List.of("path")),
            this::dependencyGraph));
  }

  private CallToolResult dependencyGraph(Map<String, Object> arguments) {
    String path = String.valueOf(arguments.getOrDefault("path", ""));
    int depth = arguments.get("depth") instanceof Number n ? Math.clamp(n.longValue(), 1, 5) : 1;
    CodeIntelligence intelligence = core.get();
    Repository repository = indexed(intelligence);
    Branch branch = defaultBranch(intelligence, repository);
    CodeGraph graph = intelligence.graph();
    List<CodeGraph.FileDependency> out =
        graph.imports(repository.orgId(), branch.id(), path, depth);
    List<CodeGraph.FileDependency> in =
        graph.importers(repository.orgId(), branch.id(), path, depth);
    List<String> external = graph.externalPackages(repository.orgId(), branch.id(), path);
    StringBuilder text = new StringBuilder(path).append('\n');
    text.append("imports (").append(out.size()).append("):\n");
    out.forEach(d ->
        text.append("  ")
            .append(d.to())
            .append(d.depth() > 1 ? " (depth " + d.depth() + ")" : "")
            .append('\n'));
    text.append("imported by (").append(in.size()).append("):\n");
    in.forEach(d ->
        text.append("  ")
            .append(d.from())
            .append(d.depth() > 1 ? " (depth " + d.depth() + ")" : "")
            .append('\n'));
    if (!external.isEmpty()) {
      text.append("external: ").append(String.join(", ", external)).append('\n');
    }
    return CallToolResult.builder()
        .addTextContent(text.toString().strip())
        .structuredContent(Map.of("imports", out, "importers", in, "external", external))
        .build();
  }

  private static final int MAX_DEFINITIONS = 5;

  private CallToolResult crossReferences(Map<String, Object> arguments) {
    String symbol = String.valueOf(arguments.getOrDefault("symbol", ""));
    CodeIntelligence intelligence = core.get();
    Repository repository = indexed(intelligence);
    Branch branch = defaultBranch(intelligence, repository);
    List<CodeGraph.Definition> definitions =
        intelligence.graph().definitions(repository.orgId(), branch.id(), symbol);
    if (definitions.isEmpty()) {
      return CallToolResult.builder()
          .addTextContent("no definition of '" + symbol + "'; try search_symbols")
          .structuredContent(Map.of("definitions", List.of()))
          .build();
    }
    StringBuilder text = new StringBuilder();
    List<Map<String, Object>> structured = new java.util.ArrayList<>();
    for (CodeGraph.Definition definition :
        definitions.subList(0, Math.min(MAX_DEFINITIONS, definitions.size()))) {
      Map<String, List<CodeGraph.Reference>> references =
          intelligence.graph().references(repository.orgId(), branch.id(), definition.symbol());
      text.append(definition.symbol().path())
          .append(':')
          .append(definition.line())
          .append(' ')
          .append(definition.kind().id())
          .append(' ')
          .append(definition.qualifiedName())
          .append(" - ")
          .append(references.values().stream().mapToInt(List::size).sum())
          .append(" references\n");
      references.forEach((path, refs) -> {
        text.append("  ").append(path).append(':');
        for (CodeGraph.Reference ref : refs) {
          text.append(' ').append(ref.line()).append(" (").append(ref.kind().id());
          if (ref.confidence() < 1.0) {
            text.append(' ').append(ref.confidence());
          }
          text.append(')');
        }
        text.append('\n');
      });
      structured.add(Map.of("definition", definition, "references", references));
    }
    if (definitions.size() > MAX_DEFINITIONS) {
      text.append("... ")
          .append(definitions.size() - MAX_DEFINITIONS)
          .append(" more definitions; use a qualified name\n");
    }
    return CallToolResult.builder()
        .addTextContent(text.toString().strip())
        .structuredContent(Map.of("definitions", structured))
        .build();
  }

  private CallToolResult searchSymbols(Map<String, Object> arguments) {
    String query = String.valueOf(arguments.getOrDefault("query", ""));
    int limit =
        arguments.get("limit") instanceof Number n
            ? Math.clamp(n.longValue(), 1, 200)
            : DEFAULT_LIMIT;
    Set<SymbolKind> kinds = EnumSet.noneOf(SymbolKind.class);
    if (arguments.get("kinds") instanceof List<?> names) {
      for (Object name : names) {
        kinds.add(SymbolKind.ofId(String.valueOf(name)));
      }
    }
    CodeIntelligence intelligence = core.get();
    Repository repository = indexed(intelligence);
    List<SymbolHit> hits =
        intelligence.search().symbols(repository, repository.defaultBranch(), query, kinds, limit);
    return result(hits, hits.isEmpty() ? "no symbol matches '" + query + "'" : null);
  }

  private CallToolResult outline(Map<String, Object> arguments) {
    String path = String.valueOf(arguments.getOrDefault("path", ""));
    CodeIntelligence intelligence = core.get();
    Repository repository = indexed(intelligence);
    List<SymbolHit> hits =
        intelligence.search().outline(repository, repository.defaultBranch(), path);
    return result(hits, hits.isEmpty() ? "no symbols in '" + path + "' (or no such file)" : null);
  }

  private static Branch defaultBranch(CodeIntelligence intelligence, Repository repository) {
    return intelligence
        .repos()
        .branches()
        .find(repository.orgId(), repository.id(), repository.defaultBranch())
        .orElseThrow(() ->
            new AtelierException(
                ReposError.BRANCH_NOT_FOUND,
                "branch " + repository.defaultBranch() + " is not indexed"));
  }

  // Calls may arrive together; the first one registers and indexes, the others wait for it.
  private synchronized Repository indexed(CodeIntelligence intelligence) {
    Repository repository = intelligence.workingTree(folder);
    boolean ready =
        intelligence
            .repos()
            .branches()
            .find(repository.orgId(), repository.id(), repository.defaultBranch())
            .map(b -> b.manifestId() != null && b.state() != BranchState.NEW)
            .orElse(false);
    if (!ready) {
      try {
        intelligence.indexWorkingTree(folder, IndexListener.NONE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing", e);
      }
    }
    return repository;
  }

  private static CallToolResult result(
      List<SymbolHit> hits, @org.jspecify.annotations.Nullable String empty) {
    StringBuilder text = new StringBuilder();
    if (empty != null) {
      text.append(empty);
    }
    for (SymbolHit hit : hits) {
      text.append(hit.path())
          .append(':')
          .append(hit.line())
          .append(' ')
          .append(hit.kind().id())
          .append(' ')
          .append(hit.qualifiedName())
          .append(" - ")
          .append(hit.signature())
          .append('\n');
    }
    return CallToolResult.builder()
        .addTextContent(text.toString().strip())
        .structuredContent(Map.of("symbols", hits))
        .build();
  }

  private static SyncToolSpecification tool(
      String name,
      String description,
      Map<String, Object> schema,
      Function<Map<String, Object>, CallToolResult> handler) {
    return SyncToolSpecification.builder()
        .tool(Tool.builder().name(name).description(description).inputSchema(schema).build())
        .callHandler((exchange, request) -> call(handler, request))
        .build();
  }

  /** Failures come back as tool errors an agent can act on, never as protocol errors. */
  private static CallToolResult call(
      Function<Map<String, Object>, CallToolResult> handler, CallToolRequest request) {
    try {
      Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
      return handler.apply(arguments);
    } catch (AtelierException | IllegalArgumentException | IllegalStateException e) {
      return CallToolResult.builder()
          .addTextContent(String.valueOf(e.getMessage()))
          .isError(true)
          .build();
    }
  }
}
