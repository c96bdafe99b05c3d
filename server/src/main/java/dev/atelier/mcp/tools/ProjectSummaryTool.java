package dev.atelier.mcp.tools;

import dev.atelier.codeintel.RepositoryOverview.Command;
import dev.atelier.codeintel.RepositoryOverview.EntryPoint;
import dev.atelier.codeintel.RepositoryOverview.FolderSize;
import dev.atelier.codeintel.RepositoryOverview.Framework;
import dev.atelier.codeintel.RepositoryOverview.LanguageShare;
import dev.atelier.codeintel.RepositoryOverview.ProjectSummary;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code project_summary}: languages, size, folders, entry points, frameworks, commands. */
public final class ProjectSummaryTool implements AgentTool {

  private static final int DEFAULT_TOKENS = 1500;

  @Override
  public String name() {
    return "project_summary";
  }

  @Override
  public String description() {
    return "What this repository is: languages (files and code lines), size, top folders, entry"
        + " points (main functions, commands, package.json bin), frameworks, and the commands"
        + " that build and test it (from pom.xml, gradle, package.json, Makefile, go.mod,"
        + " pyproject/tox/pytest, Cargo.toml).";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object().maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ProjectSummary summary = call.core().overview().summary(call.orgId(), call.branch().id());
    TextBudget text = call.budget(DEFAULT_TOKENS);
    text.line(
        String.format(
            Locale.ROOT,
            "%s: %,d files, %s, %,d code lines",
            call.repository().name(),
            summary.files(),
            size(summary.bytes()),
            summary.lines()));
    commands(text, summary.commands());
    if (!summary.languages().isEmpty()) {
      text.line("languages: " + languages(summary.languages(), summary.lines()));
    }
    text.line("top folders: " + folders(summary.topFolders()));
    if (!summary.frameworks().isEmpty()) {
      text.line("frameworks: " + frameworks(summary.frameworks()));
    }
    if (!summary.entryPoints().isEmpty()) {
      text.line("entry points:");
      for (EntryPoint entry : summary.entryPoints()) {
        text.line("  " + entry.at() + " " + entry.kind() + " (" + entry.detail() + ")");
      }
    }
    return ToolAnswer.of(text.toString(), Map.of("summary", summary));
  }

  static void commands(TextBudget text, List<Command> commands) {
    if (commands.isEmpty()) {
      text.line("build and test: no build files found at the root or one folder down");
      return;
    }
    text.line("build and test:");
    for (Command command : commands) {
      text.line(
          "  " + command.purpose() + ": " + command.command() + "   (" + command.source() + ")");
    }
  }

  static String languages(List<LanguageShare> languages, long totalLines) {
    return languages.stream()
        .limit(8)
        .map(l ->
            String.format(
                Locale.ROOT,
                "%s %,d files %,d lines%s",
                l.language(),
                l.files(),
                l.lines(),
                totalLines > 0
                    ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * l.lines() / totalLines)
                    : ""))
        .collect(Collectors.joining("; "));
  }

  static String folders(List<FolderSize> folders) {
    return folders.stream()
        .map(f ->
            (f.path().equals(".") ? "(root files)" : f.path() + "/")
                + String.format(Locale.ROOT, " %,d files %,d lines", f.files(), f.lines()))
        .collect(Collectors.joining("; "));
  }

  static String frameworks(List<Framework> frameworks) {
    return frameworks.stream()
        .limit(12)
        .map(f ->
            f.name()
                + (f.files() > 0
                    ? " ("
                        + f.files()
                        + (f.files() == 1 ? " file" : " files")
                        + ", e.g. "
                        + f.evidence()
                        + ")"
                    : " (" + f.evidence() + ")"))
        .collect(Collectors.joining("; "));
  }

  private static String size(long bytes) {
    if (bytes >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }
}
