package dev.atelier.mcp.tools;

import dev.atelier.codeintel.ChangeHistory.FileChurn;
import dev.atelier.codeintel.FileInsights;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import java.time.ZoneOffset;
import java.util.Map;

/** {@code hotspots}: source files ranked by churn × complexity × fan-in, each factor shown. */
public final class HotspotsTool implements AgentTool {

  private static final int DEFAULT_LIMIT = 20;

  @Override
  public String name() {
    return "hotspots";
  }

  @Override
  public String description() {
    return "Source files ranked by churn x complexity x fan-in from git history: where changes"
        + " are frequent, code is complex and many files depend on it (refactoring and review"
        + " candidates). Shows each factor: commits, lines changed, authors, last change,"
        + " estimated cyclomatic complexity, fan-in. Without git it ranks by complexity x fan-in.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("path", "only files under this folder (or this file); default: all", false)
        .integer("limit", "at most this many files (default " + DEFAULT_LIMIT + ")", 1, 500)
        .maxTokens(3000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments args = call.arguments();
    int limit = args.integer("limit", DEFAULT_LIMIT, 1, 500);
    String prefix =
        args.optionalString("path")
            .map(p -> p.equals(".") || p.equals("/") ? "" : RepoPaths.relative(call, p))
            .orElse("");
    FileInsights insights = call.core().insights();
    if (!prefix.isEmpty()
        && !insights.isFolder(call.repository(), call.branch(), prefix)
        && !insights.paths(call.repository(), call.branch()).contains(prefix)) {
      throw IndexedFiles.noSuchFile(call, prefix);
    }
    FileInsights.Hotspots hotspots =
        insights.hotspots(call.repository(), call.branch(), prefix, limit);
    TextBudget text = call.budget(3000);
    text.line(
        hotspots.churnKnown()
            ? "git: " + hotspots.history()
            : hotspots.history() + "; ranked by complexity x fan-in only");
    text.line(
        (hotspots.churnKnown()
                ? "score = commits x cyclomatic x log2(2 + fan-in)"
                : "score = cyclomatic x log2(2 + fan-in)")
            + "; "
            + hotspots.considered()
            + " source files considered"
            + (prefix.isEmpty() ? "" : " under " + prefix));
    if (hotspots.files().isEmpty()) {
      text.line(hotspots.churnKnown() ? "no source file changed in the window" : "no source files");
    }
    int rank = 1;
    for (FileInsights.Hotspot h : hotspots.files()) {
      StringBuilder line = new StringBuilder();
      line.append(rank++).append(". ").append(h.path()).append(":1 score ").append(h.score());
      FileChurn churn = h.churn();
      if (churn != null) {
        line.append(" | commits ")
            .append(churn.commits())
            .append(", lines +")
            .append(churn.linesAdded())
            .append('/')
            .append('-')
            .append(churn.linesRemoved())
            .append(", authors ")
            .append(churn.authors())
            .append(", last ")
            .append(churn.lastChange().atZone(ZoneOffset.UTC).toLocalDate());
      }
      line.append(" | cyclomatic ")
          .append(h.complexity().cyclomatic())
          .append(" (")
          .append(h.complexity().functions())
          .append(" functions, nesting ")
          .append(h.complexity().maxNesting())
          .append(") | fan-in ")
          .append(h.fanIn());
      if (!text.line(line)) {
        break;
      }
    }
    return ToolAnswer.of(
        text.toString(),
        Map.of(
            "history",
            hotspots.history(),
            "churnKnown",
            hotspots.churnKnown(),
            "considered",
            hotspots.considered(),
            "files",
            hotspots.files()));
  }
}
