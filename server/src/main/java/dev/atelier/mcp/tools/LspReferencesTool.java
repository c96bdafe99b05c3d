package dev.atelier.mcp.tools;

import dev.atelier.codeintel.CodeGraph;
import dev.atelier.codeintel.CodeNavigation.Lookup;
import dev.atelier.codeintel.CodeNavigation.TargetReferences;
import dev.atelier.codeintel.ReferenceConfidence;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code lsp_references}: the references of the symbol at a position. */
public final class LspReferencesTool implements AgentTool {

  private static final int MAX_TARGETS = 3;

  @Override
  public String name() {
    return "lsp_references";
  }

  @Override
  public String description() {
    return "Find references: the definition of the symbol at path:line:column (1-based) and every"
        + " resolved reference to it, grouped by file with path:line anchors.";
  }

  @Override
  public InputSchema schema() {
    return FilePosition.schema().maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    FilePosition at = FilePosition.of(call);
    Optional<Lookup> lookup = at.lookup(call);
    TextBudget text = call.budget(4000);
    if (lookup.isEmpty()) {
      text.line("no identifier at " + at.anchor());
      return ToolAnswer.of(text.toString(), Map.of("definitions", List.of()));
    }
    text.line(LspDefinitionTool.heading(lookup.get()));
    List<TargetReferences> groups =
        call.core()
            .navigation()
            .references(
                call.orgId(), call.branch().id(), at.path(), at.line(), at.column(), MAX_TARGETS)
            .orElse(List.of());
    if (groups.isEmpty()) {
      text.line("no definition found in the index, so no references");
    }
    for (TargetReferences group : groups) {
      int count = 0;
      int guessed = 0;
      for (List<CodeGraph.Reference> refs : group.byFile().values()) {
        for (CodeGraph.Reference ref : refs) {
          if (ReferenceConfidence.nameOnly(ref.confidence())) {
            guessed++;
          } else {
            count++;
          }
        }
      }
      text.line(
          LspDefinitionTool.targetLine(group.target())
              + " - "
              + count
              + " references"
              + (guessed > 0
                  ? " (and "
                      + guessed
                      + " guesses by name alone, marked 'guess': the receiver's"
                      + " type is unknown)"
                  : ""));
      group
          .byFile()
          .forEach((path, refs) -> {
            StringBuilder line = new StringBuilder("  ").append(path).append(':');
            for (CodeGraph.Reference ref : refs) {
              line.append(' ').append(ref.line());
              if (ReferenceConfidence.nameOnly(ref.confidence())) {
                line.append(" (guess)");
              } else if (ref.confidence() < 1.0) {
                line.append(" (").append(ref.confidence()).append(')');
              }
            }
            text.line(line);
          });
    }
    return ToolAnswer.of(
        text.toString(), Map.of("identifier", lookup.get().identifier(), "definitions", groups));
  }
}
