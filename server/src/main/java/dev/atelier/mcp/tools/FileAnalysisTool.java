package dev.atelier.mcp.tools;

import dev.atelier.codeintel.ChangeHistory.FileChurn;
import dev.atelier.codeintel.FileInsights;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code file_analysis}: one file's language, size, complexity, symbols, links, churn, findings.
 */
public final class FileAnalysisTool implements AgentTool {

  private static final int LISTED = 15;

  @Override
  public String name() {
    return "file_analysis";
  }

  @Override
  public String description() {
    return "One file at a glance: language, size, estimated complexity, symbols (counts and"
        + " outline), imports, dependents, tests, git churn, and findings (long functions, deep"
        + " nesting, complex functions, TODO/FIXME markers, no tests found).";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object().string("path", "repository-relative file", true).maxTokens(3000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    String path = RepoPaths.relative(call, call.arguments().string("path"));
    FileInsights.FileAnalysis a =
        call.core()
            .insights()
            .analyse(call.repository(), call.branch(), path)
            .orElseThrow(() -> IndexedFiles.noSuchFile(call, path));
    TextBudget text = call.budget(3000);
    text.line(
        path
            + " - "
            + a.language()
            + ", "
            + a.bytes()
            + " bytes"
            + (a.binary() ? " (binary)" : ", " + a.lines() + " lines"));
    if (!a.binary()) {
      text.line(
          "complexity: cyclomatic ~"
              + a.complexity().cyclomatic()
              + " over "
              + a.complexity().functions()
              + " functions, deepest nesting "
              + a.complexity().maxNesting()
              + ", longest function "
              + a.complexity().longestFunction()
              + " lines");
      text.line(
          "symbols: "
              + (a.symbolKinds().isEmpty()
                  ? "none"
                  : a.symbolKinds().entrySet().stream()
                      .map(e -> e.getValue() + " " + e.getKey())
                      .collect(Collectors.joining(", "))));
    }
    FileChurn churn = a.churn();
    text.line(
        churn == null
            ? "churn: none in the window (git: " + a.history() + ")"
            : "churn: "
                + churn.commits()
                + " commits, lines +"
                + churn.linesAdded()
                + "/-"
                + churn.linesRemoved()
                + ", "
                + churn.authors()
                + " authors, last "
                + churn.lastChange().atZone(ZoneOffset.UTC).toLocalDate()
                + " (git: "
                + a.history()
                + ")");
    list(text, "imports", a.imports(), a.externalPackages());
    list(text, "dependents", a.dependents(), List.of());
    if (!a.binary()) {
      text.line("tests: " + (a.tests().isEmpty() ? "none found" : String.join(", ", a.tests())));
    }
    text.line("findings (" + a.findings().size() + "):");
    for (FileInsights.Finding f : a.findings()) {
      text.line("  " + path + ":" + Math.max(1, f.line()) + " " + f.kind() + ": " + f.message());
    }
    if (!a.outline().isEmpty()) {
      text.line("outline:");
      for (FileInsights.OutlineEntry e : a.outline()) {
        if (!text.line(
            "  ".repeat(e.depth() + 1)
                + path
                + ":"
                + e.line()
                + " "
                + e.kind().id()
                + " "
                + e.name())) {
          break;
        }
      }
    }
    return ToolAnswer.of(text.toString(), Map.of("analysis", a));
  }

  private static void list(
      TextBudget text, String label, List<String> files, List<String> external) {
    StringBuilder line = new StringBuilder(label).append(" (").append(files.size()).append(")");
    if (!files.isEmpty()) {
      line.append(": ").append(String.join(", ", files.subList(0, Math.min(LISTED, files.size()))));
      if (files.size() > LISTED) {
        line.append(", ... ").append(files.size() - LISTED).append(" more (dependency_graph)");
      }
    }
    if (!external.isEmpty()) {
      line.append("; external: ").append(String.join(", ", external));
    }
    text.line(line);
  }
}
