package dev.atelier.mcp.tools;

import dev.atelier.codeintel.CodebaseExplorer.Entry;
import dev.atelier.codeintel.CodebaseExplorer.Listing;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code explore_codebase}: a folder's children with sizes and one-line summaries. */
public final class ExploreCodebaseTool implements AgentTool {

  @Override
  public String name() {
    return "explore_codebase";
  }

  @Override
  public String description() {
    return "Hierarchical navigation: a folder's subfolders and files with sizes (files, lines),"
        + " languages and a one-line summary each (README first line or top symbols); call again"
        + " with a child's path to drill down.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("path", "repository-relative folder (default: the root)", false)
        .maxTokens(3000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    String raw = call.arguments().string("path", "");
    String folder =
        raw.isEmpty() || raw.equals(".") || raw.equals("/") ? "" : RepoPaths.relative(call, raw);
    Listing listing = call.core().explorer().explore(call.orgId(), call.branch().id(), folder);
    TextBudget text = call.budget(3000);
    text.line(
        (folder.isEmpty() ? "." : folder)
            + "/ - "
            + listing.files()
            + " files, "
            + listing.lines()
            + " lines; "
            + listing.languages().entrySet().stream()
                .limit(5)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
    if (listing.readme() != null) {
      text.line("README: " + listing.readme());
    }
    for (Entry e : listing.entries()) {
      StringBuilder line = new StringBuilder(e.path());
      if (e.folder()) {
        line.append("/ (")
            .append(e.files())
            .append(e.files() == 1 ? " file, " : " files, ")
            .append(e.lines())
            .append(" lines");
      } else {
        line.append(" (").append(e.lines() > 0 ? e.lines() + " lines" : e.bytes() + " bytes");
      }
      if (e.language() != null) {
        line.append(", ").append(e.language());
      }
      line.append(')');
      if (!e.summary().isEmpty()) {
        line.append(" - ").append(e.summary());
      }
      text.line(line);
    }
    return ToolAnswer.of(text.toString(), Map.of("listing", listing));
  }
}
