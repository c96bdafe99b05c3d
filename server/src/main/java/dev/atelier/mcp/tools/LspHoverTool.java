package dev.atelier.mcp.tools;

import dev.atelier.codeintel.CodeNavigation.Lookup;
import dev.atelier.codeintel.CodeNavigation.Target;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code lsp_hover}: signature and doc comment of the symbol at a position. */
public final class LspHoverTool implements AgentTool {

  private static final int MAX_TARGETS = 3;

  @Override
  public String name() {
    return "lsp_hover";
  }

  @Override
  public String description() {
    return "Hover: the signature and doc comment of the symbol at path:line:column (1-based),"
        + " resolved like lsp_definition. Answered from the index; no language server.";
  }

  @Override
  public InputSchema schema() {
    return FilePosition.schema().maxTokens(1500);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    FilePosition at = FilePosition.of(call);
    Optional<Lookup> lookup = at.lookup(call);
    TextBudget text = call.budget(1500);
    if (lookup.isEmpty()) {
      text.line("no identifier at " + at.anchor());
      return ToolAnswer.of(text.toString(), Map.of("hovers", List.of()));
    }
    Lookup found = lookup.get();
    List<Target> shown = found.targets().subList(0, Math.min(MAX_TARGETS, found.targets().size()));
    text.line(LspDefinitionTool.heading(found));
    if (shown.isEmpty()) {
      text.line("no definition found in the index");
    }
    for (Target t : shown) {
      text.line(LspDefinitionTool.targetLine(t));
      text.line("  " + t.signature());
      if (t.doc() != null && !t.doc().isBlank()) {
        t.doc().strip().lines().limit(12).forEach(l -> text.line("  | " + l));
      }
    }
    if (found.targets().size() > shown.size()) {
      text.line(
          "... " + (found.targets().size() - shown.size()) + " more candidates: lsp_definition");
    }
    return ToolAnswer.of(
        text.toString(), Map.of("identifier", found.identifier(), "hovers", shown));
  }
}
