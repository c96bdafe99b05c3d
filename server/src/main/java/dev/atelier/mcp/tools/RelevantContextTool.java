package dev.atelier.mcp.tools;

import dev.atelier.codeintel.RelevantContext;
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

/** {@code relevant_context}: the files, symbols and snippets that matter for a task. */
public final class RelevantContextTool implements AgentTool {

  private static final int DEFAULT_TOKENS = 4000;

  @Override
  public String name() {
    return "relevant_context";
  }

  @Override
  public String description() {
    return "For a task description (and optional seed files), the files, symbols and snippets"
        + " that matter, within max_tokens: semantic-search hits expanded through imports,"
        + " importers, callers and callees, ranked, each with the reason it is included.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("task", "what you are about to do, in words", true)
        .strings("seed_files", "files you already know matter (repository-relative)", false)
        .bool("vectors", "let embedded chunks take part (default true)")
        .maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments args = call.arguments();
    String task = args.string("task");
    List<String> seeds = new ArrayList<>();
    for (String seed : args.strings("seed_files")) {
      seeds.add(RepoPaths.relative(call, seed));
    }
    if (seeds.size() > RelevantContext.MAX_SEEDS) {
      throw ToolArguments.invalid(
          "seed_files holds at most " + RelevantContext.MAX_SEEDS + " files");
    }
    if (task.length() > dev.atelier.codeintel.SemanticSearch.MAX_QUERY_CHARS) {
      throw ToolArguments.invalid(
          "task must be at most "
              + dev.atelier.codeintel.SemanticSearch.MAX_QUERY_CHARS
              + " characters");
    }
    int maxTokens = args.maxTokens(DEFAULT_TOKENS);
    TextBudget text = new TextBudget(maxTokens);
    // The assembler fits snippets to the budget; the text's own lines take the rest.
    int reserve = Math.min(maxTokens / 5, 200);
    RelevantContext.Context context =
        call.core()
            .relevantContext()
            .assemble(
                call.repository(),
                call.branch(),
                new RelevantContext.Request(
                    task, seeds, Math.max(1, maxTokens - reserve), args.bool("vectors", true)));
    text.line(SemanticSearchTool.coverage(context.coverage()));
    if (context.files().isEmpty()) {
      text.line("nothing relevant found for '" + task + "'");
    }
    List<RelevantContext.ContextFile> shown = new ArrayList<>();
    for (RelevantContext.ContextFile file : context.files()) {
      if (!text.line(file.path() + " (" + file.reason() + ")")) {
        break;
      }
      shown.add(file);
      for (RelevantContext.Snippet snippet : file.snippets()) {
        String symbol =
            snippet.symbol() == null || snippet.kind() == null
                ? ""
                : " " + snippet.kind().id() + " " + snippet.symbol();
        text.line("  " + file.path() + ":" + snippet.line() + "-" + snippet.endLine() + symbol);
        for (String line : snippet.text().split("\n", -1)) {
          text.line("    " + line);
        }
      }
    }
    if (context.omittedFiles() > 0 && !text.full()) {
      text.line("(" + context.omittedFiles() + " more relevant files left out by max_tokens)");
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("files", shown);
    structured.put("omitted_files", context.omittedFiles() + context.files().size() - shown.size());
    structured.put("coverage", context.coverage());
    return ToolAnswer.of(text.toString(), structured);
  }
}
