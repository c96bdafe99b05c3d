package dev.atelier.mcp.tools;

import dev.atelier.codeintel.GraphAnalysis;
import dev.atelier.codeintel.GraphAnalysis.Community;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code community_detection}: Louvain clusters of files on the dependency graph. */
public final class CommunityDetectionTool implements AgentTool {

  @Override
  public String name() {
    return "community_detection";
  }

  @Override
  public String description() {
    return "Clusters of files that depend on each other more than on the rest (Louvain on the file"
        + " graph of imports and resolved references; deterministic), largest first, each with a"
        + " label (shared folder, most central file and its key symbols), its size and its most"
        + " central files, plus the partition's modularity.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .integer("min_size", "leave out smaller clusters (default 2)", 1, 1_000_000)
        .integer(
            "files_per_community",
            "files listed per cluster, most central first (default 5)",
            0,
            1000)
        .maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments args = call.arguments();
    int minSize = args.integer("min_size", 2, 1, 1_000_000);
    int perCommunity = args.integer("files_per_community", 5, 0, 1000);
    GraphAnalysis.Communities all = call.core().analysis().communities(call.branch());
    List<Community> kept = all.communities().stream().filter(c -> c.size() >= minSize).toList();
    TextBudget text = call.budget(4000);
    text.line(
        all.communities().size()
            + " communities ("
            + kept.size()
            + " with >= "
            + minSize
            + " files), modularity "
            + String.format(java.util.Locale.ROOT, "%.3f", all.modularity())
            + ", "
            + all.isolatedFiles()
            + " files without dependencies");
    List<Map<String, Object>> structured = new ArrayList<>();
    for (Community c : kept) {
      if (!text.line("#" + c.id() + ' ' + c.label() + " - " + c.size() + " files")) {
        break;
      }
      List<String> files = c.files().subList(0, Math.min(perCommunity, c.files().size()));
      files.forEach(f -> text.line("  " + f));
      if (c.files().size() > files.size() && perCommunity > 0) {
        text.line("  ... " + (c.files().size() - files.size()) + " more");
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", c.id());
      entry.put("label", c.label());
      entry.put("folder", c.folder());
      entry.put("central", c.central());
      entry.put("topSymbols", c.topSymbols());
      entry.put("size", c.size());
      entry.put("files", files);
      structured.add(entry);
    }
    return ToolAnswer.of(
        text.toString(),
        Map.of(
            "communities", structured,
            "modularity", all.modularity(),
            "isolatedFiles", all.isolatedFiles()));
  }
}
