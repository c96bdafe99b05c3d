package dev.atelier.mcp.tools;

import dev.atelier.codeintel.FileInsights;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import dev.atelier.platform.AtelierException;
import java.util.List;
import java.util.Optional;

/** The error for a path the branch has no file at, with what the agent may have meant. */
final class IndexedFiles {

  private IndexedFiles() {}

  static AtelierException noSuchFile(ToolCall call, String path) {
    FileInsights insights = call.core().insights();
    if (insights.isFolder(call.repository(), call.branch(), path)) {
      return ToolArguments.invalid(
          "'"
              + path
              + "' is a folder; give a file in it (explore it with hotspots path="
              + path
              + ")");
    }
    Optional<String> skipped = insights.whyNotIndexed(call.repository(), path);
    if (skipped.isPresent()) {
      return ToolArguments.invalid("no analysis of '" + path + "': " + skipped.get());
    }
    List<String> similar = insights.similarPaths(call.repository(), call.branch(), path);
    return ToolArguments.invalid(
        "no file '"
            + path
            + "' in "
            + call.repository().name()
            + " (branch "
            + call.branch().name()
            + ")"
            + (similar.isEmpty() ? "" : "; did you mean " + String.join(", ", similar) + "?"));
  }
}
