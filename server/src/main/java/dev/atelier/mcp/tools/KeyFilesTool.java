package dev.atelier.mcp.tools;

import dev.atelier.codeintel.RepositoryOverview.CentralFile;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.List;
import java.util.Map;

/**
 * The files most others depend on (imports and resolved references), for {@code bootstrap}. A
 * stand-in until {@code repo_map} joins bootstrap's sections; not in the catalog by itself.
 */
public final class KeyFilesTool implements AgentTool {

  private static final int DEFAULT_TOKENS = 600;

  @Override
  public String name() {
    return "key_files";
  }

  @Override
  public String description() {
    return "The files with the most dependents: read these first to understand the code base.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .integer("limit", "how many files (default 15)", 1, 200)
        .maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    int limit = call.arguments().integer("limit", 15, 1, 200);
    List<CentralFile> files =
        call.core().overview().mostDependedOn(call.orgId(), call.branch().id(), limit);
    TextBudget text = call.budget(DEFAULT_TOKENS);
    if (files.isEmpty()) {
      text.line("no file depends on another (no resolved imports or references)");
    }
    for (CentralFile file : files) {
      text.line(file.path() + " (" + file.dependents() + " dependents)");
    }
    return ToolAnswer.of(text.toString(), Map.of("files", files));
  }
}
