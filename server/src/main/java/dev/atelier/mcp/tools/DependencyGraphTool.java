package dev.atelier.mcp.tools;

import dev.atelier.codeintel.CodeGraph;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.List;
import java.util.Map;

/** {@code dependency_graph}: imports out of and into a file, to a depth. */
public final class DependencyGraphTool implements AgentTool {

  @Override
  public String name() {
    return "dependency_graph";
  }

  @Override
  public String description() {
    return "Imports out of a file (what it depends on) and into it (what depends on it), to a"
        + " depth, plus the external packages it imports.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("path", "repository-relative", true)
        .integer("depth", "how many import hops to follow (default 1)", 1, 5)
        .maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    String path = RepoPaths.relative(call, call.arguments().string("path"));
    int depth = call.arguments().integer("depth", 1, 1, 5);
    CodeGraph graph = call.core().graph();
    List<CodeGraph.FileDependency> out =
        graph.imports(call.orgId(), call.branch().id(), path, depth);
    List<CodeGraph.FileDependency> in =
        graph.importers(call.orgId(), call.branch().id(), path, depth);
    List<String> external = graph.externalPackages(call.orgId(), call.branch().id(), path);
    TextBudget text = call.budget(4000);
    text.line(path);
    if (!external.isEmpty()) {
      text.line("external: " + String.join(", ", external));
    }
    text.line("imports (" + out.size() + "):");
    out.forEach(
        d -> text.line("  " + d.to() + (d.depth() > 1 ? " (depth " + d.depth() + ")" : "")));
    text.line("imported by (" + in.size() + "):");
    in.forEach(
        d -> text.line("  " + d.from() + (d.depth() > 1 ? " (depth " + d.depth() + ")" : "")));
    return ToolAnswer.of(
        text.toString(), Map.of("imports", out, "importers", in, "external", external));
  }
}
