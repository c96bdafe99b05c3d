package dev.atelier.mcp.tools;

import dev.atelier.codeintel.CodeNavigation;
import dev.atelier.codeintel.CodeNavigation.Lookup;
import dev.atelier.codeintel.CodeNavigation.Target;
import dev.atelier.codeintel.ReferenceConfidence;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code lsp_definition}: where the identifier at a file position is defined. */
public final class LspDefinitionTool implements AgentTool {

  @Override
  public String name() {
    return "lsp_definition";
  }

  @Override
  public String description() {
    return "Go to definition: the identifier at path:line:column (1-based) and its definition(s),"
        + " from the resolved reference graph, else by name, each with a confidence. Answered from"
        + " the index; no language server is configured.";
  }

  @Override
  public InputSchema schema() {
    return FilePosition.schema().maxTokens(2000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    FilePosition at = FilePosition.of(call);
    Optional<Lookup> lookup = at.lookup(call);
    TextBudget text = call.budget(2000);
    if (lookup.isEmpty()) {
      text.line("no identifier at " + at.anchor());
      return ToolAnswer.of(text.toString(), Map.of("definitions", List.of()));
    }
    Lookup found = lookup.get();
    text.line(heading(found));
    if (found.targets().isEmpty()) {
      text.line("no definition found in the index (external or built-in?)");
    }
    for (Target t : found.targets()) {
      text.line(targetLine(t));
    }
    return ToolAnswer.of(
        text.toString(), Map.of("identifier", found.identifier(), "definitions", found.targets()));
  }

  static String heading(Lookup lookup) {
    CodeNavigation.Identifier id = lookup.identifier();
    return "'"
        + id.name()
        + "' at "
        + id.path()
        + ":"
        + id.line()
        + ":"
        + id.column()
        + (id.definition()
            ? " (a definition)"
            : id.kind() != null ? " (" + id.kind().id() + ")" : "");
  }

  static String targetLine(Target t) {
    return t.symbol().path()
        + ":"
        + t.line()
        + ":"
        + t.column()
        + " "
        + t.kind().id()
        + " "
        + t.qualifiedName()
        + " ["
        + t.via()
        + (ReferenceConfidence.nameOnly(t.confidence())
            ? ", a guess by name alone"
            : t.confidence() < 1 ? " " + t.confidence() : "")
        + "]";
  }
}
