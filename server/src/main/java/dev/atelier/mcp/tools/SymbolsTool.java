package dev.atelier.mcp.tools;

import dev.atelier.codeintel.SymbolHit;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.List;

/** {@code symbols}: the outline of one file. */
public final class SymbolsTool implements AgentTool {

  @Override
  public String name() {
    return "symbols";
  }

  @Override
  public String description() {
    return "The outline of one file: its symbols with kinds, signatures and lines.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object().string("path", "repository-relative", true).maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    String path = RepoPaths.relative(call, call.arguments().string("path"));
    List<SymbolHit> hits =
        call.core().search().outline(call.repository(), call.branch().name(), path);
    return SymbolLines.answer(
        hits, call.budget(4000), "no symbols in '" + path + "' (or no such file)");
  }
}
