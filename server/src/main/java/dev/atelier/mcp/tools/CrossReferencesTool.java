package dev.atelier.mcp.tools;

import dev.atelier.codeintel.CodeGraph;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code cross_references}: a symbol's definitions and every resolved reference, by file. */
public final class CrossReferencesTool implements AgentTool {

  private static final int MAX_DEFINITIONS = 5;

  @Override
  public String name() {
    return "cross_references";
  }

  @Override
  public String description() {
    return "A symbol's definition(s) and every resolved reference to it, grouped by file, with"
        + " path:line anchors and the confidence of each resolution.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("symbol", "a name or a qualified name, e.g. Preconditions.checkNotNull", true)
        .maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    String symbol = call.arguments().string("symbol");
    CodeGraph graph = call.core().graph();
    List<CodeGraph.Definition> definitions =
        graph.definitions(call.orgId(), call.branch().id(), symbol);
    TextBudget text = call.budget(4000);
    if (definitions.isEmpty()) {
      text.line("no definition of '" + symbol + "'; try search_symbols");
      return ToolAnswer.of(text.toString(), Map.of("definitions", List.of()));
    }
    List<Map<String, Object>> structured = new ArrayList<>();
    for (CodeGraph.Definition definition :
        definitions.subList(0, Math.min(MAX_DEFINITIONS, definitions.size()))) {
      Map<String, List<CodeGraph.Reference>> references =
          graph.references(call.orgId(), call.branch().id(), definition.symbol());
      text.line(
          definition.symbol().path()
              + ':'
              + definition.line()
              + ' '
              + definition.kind().id()
              + ' '
              + definition.qualifiedName()
              + " - "
              + references.values().stream().mapToInt(List::size).sum()
              + " references");
      references.forEach((path, refs) -> {
        StringBuilder line = new StringBuilder("  ").append(path).append(':');
        for (CodeGraph.Reference ref : refs) {
          line.append(' ').append(ref.line()).append(" (").append(ref.kind().id());
          if (ref.confidence() < 1.0) {
            line.append(' ').append(ref.confidence());
          }
          line.append(')');
        }
        text.line(line);
      });
      structured.add(Map.of("definition", definition, "references", references));
    }
    if (definitions.size() > MAX_DEFINITIONS) {
      text.line(
          "... "
              + (definitions.size() - MAX_DEFINITIONS)
              + " more definitions; use a qualified name");
    }
    return ToolAnswer.of(text.toString(), Map.of("definitions", structured));
  }
}
