package dev.atelier.mcp.tools;

import dev.atelier.codeintel.GraphAnalysis;
import dev.atelier.codeintel.GraphAnalysis.MapFile;
import dev.atelier.codeintel.GraphAnalysis.Symbol;
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

/** {@code repo_map}: the most central files and their key symbols, within a token budget. */
public final class RepoMapTool implements AgentTool {

  private static final int SIGNATURE_CHARS = 120;
  // A file heading plus one symbol row costs at least this many tokens.
  private static final int MIN_TOKENS_PER_FILE = 8;

  @Override
  public String name() {
    return "repo_map";
  }

  @Override
  public String description() {
    return "Aider-style map of the repository: files ranked by PageRank on the reference graph"
        + " (personalised to optional focus files), each with its most referenced symbols as"
        + " `line kind signature` rows, fitted to max_tokens.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .strings("focus", "files to centre the map on (e.g. the ones being edited)", false)
        .integer("symbols_per_file", "symbol rows per file (default 6)", 1, 50)
        .maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments args = call.arguments();
    List<String> focus = new ArrayList<>();
    for (String path : args.strings("focus")) {
      focus.add(RepoPaths.relative(call, path));
    }
    int perFile = args.integer("symbols_per_file", 6, 1, 50);
    TextBudget text = call.budget(4000);
    int maxFiles = text.remainingTokens() / MIN_TOKENS_PER_FILE + 1;
    GraphAnalysis.RepoMap map =
        call.core().analysis().repoMap(call.branch(), focus, maxFiles, perFile);
    List<Map<String, Object>> shown = new ArrayList<>();
    for (MapFile file : map.files()) {
      String heading = file.path() + ":";
      String first = file.symbols().isEmpty() ? "" : row(file.symbols().getFirst());
      if (TextBudget.tokens(heading) + TextBudget.tokens(first) + 2 > text.remainingTokens()) {
        break;
      }
      text.line(heading);
      List<Symbol> rows = new ArrayList<>();
      for (Symbol symbol : file.symbols()) {
        if (!text.line(row(symbol))) {
          break;
        }
        rows.add(symbol);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", file.path());
      entry.put("rank", file.rank());
      entry.put("symbols", rows);
      shown.add(entry);
      if (text.full()) {
        break;
      }
    }
    if (shown.size() < map.totalFiles()) {
      String more = "... " + (map.totalFiles() - shown.size()) + " more files by rank";
      if (TextBudget.tokens(more) + 1 <= text.remainingTokens()) {
        text.line(more);
      }
    }
    return ToolAnswer.of(text.toString(), Map.of("files", shown, "totalFiles", map.totalFiles()));
  }

  private static String row(Symbol symbol) {
    String signature = symbol.signature().strip();
    int newline = signature.indexOf('\n');
    if (newline >= 0) {
      signature = signature.substring(0, newline).strip();
    }
    if (signature.isEmpty()) {
      signature = symbol.name();
    }
    if (signature.length() > SIGNATURE_CHARS) {
      signature = signature.substring(0, SIGNATURE_CHARS) + "...";
    }
    return "  " + symbol.line() + ' ' + symbol.kind().id() + ' ' + signature;
  }
}
