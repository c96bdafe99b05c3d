package dev.atelier.mcp.tools;

import dev.atelier.codeintel.FileInsights;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.Map;

/** {@code find_related}: files related to one file, each with its reasons. */
public final class FindRelatedTool implements AgentTool {

  private static final int DEFAULT_LIMIT = 10;

  @Override
  public String name() {
    return "find_related";
  }

  @Override
  public String description() {
    return "Files related to a file, best first, each with its reasons: changed together in git"
        + " history (support, confidence), graph proximity (imports, imported by, references,"
        + " shared neighbours) and embedding similarity (when the repository is embedded)."
        + " Use it to find what else to read or change with a file.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("path", "repository-relative file", true)
        .integer("limit", "at most this many files (default " + DEFAULT_LIMIT + ")", 1, 100)
        .maxTokens(2000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    String path = RepoPaths.relative(call, call.arguments().string("path"));
    int limit = call.arguments().integer("limit", DEFAULT_LIMIT, 1, 100);
    FileInsights.Related related =
        call.core()
            .insights()
            .related(call.repository(), call.branch(), path, limit)
            .orElseThrow(() -> IndexedFiles.noSuchFile(call, path));
    TextBudget text = call.budget(2000);
    text.line("related to " + path);
    text.line("git: " + related.history());
    text.line(related.embeddings());
    if (related.files().isEmpty()) {
      text.line("no related files found");
    }
    for (FileInsights.Relation r : related.files()) {
      if (!text.line(r.path() + ":1 " + r.score() + " - " + String.join("; ", r.reasons()))) {
        break;
      }
    }
    return ToolAnswer.of(
        text.toString(),
        Map.of(
            "path", path,
            "history", related.history(),
            "embeddings", related.embeddings(),
            "related", related.files()));
  }
}
