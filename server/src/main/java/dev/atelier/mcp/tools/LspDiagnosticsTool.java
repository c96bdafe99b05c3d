package dev.atelier.mcp.tools;

import dev.atelier.codeintel.CodeNavigation.Diagnostic;
import dev.atelier.codeintel.CodeNavigation.Diagnostics;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.Map;

/** {@code lsp_diagnostics}: syntax errors and unresolved imports of a file. */
public final class LspDiagnosticsTool implements AgentTool {

  @Override
  public String name() {
    return "lsp_diagnostics";
  }

  @Override
  public String description() {
    return "Diagnostics of one file: syntax errors (tree-sitter ERROR/MISSING nodes from a fresh"
        + " parse of the indexed content) and imports that resolve to nothing. No language server"
        + " is configured, so type errors are not reported.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object().string("path", "repository-relative file", true).maxTokens(2000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    String path = RepoPaths.relative(call, call.arguments().string("path"));
    Diagnostics result =
        call.core().navigation().diagnostics(call.orgId(), call.branch().id(), path);
    TextBudget text = call.budget(2000);
    text.line(
        path
            + " ("
            + result.language().id()
            + "): "
            + (result.diagnostics().isEmpty()
                ? "no syntax errors or unresolved imports"
                : result.diagnostics().size() + " diagnostics"));
    for (Diagnostic d : result.diagnostics()) {
      text.line(
          path
              + ":"
              + d.line()
              + ":"
              + d.column()
              + " "
              + d.severity()
              + " ["
              + d.source()
              + "] "
              + d.message());
    }
    text.line("note: " + result.languageServer());
    return ToolAnswer.of(text.toString(), Map.of("diagnostics", result));
  }
}
