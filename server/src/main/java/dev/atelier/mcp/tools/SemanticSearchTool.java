package dev.atelier.mcp.tools;

import dev.atelier.codeintel.SemanticSearch;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code semantic_search}: natural-language search over code (BM25F + symbols + vectors, fused).
 */
public final class SemanticSearchTool implements AgentTool {

  private static final int DEFAULT_LIMIT = 10;
  private static final int DEFAULT_TOKENS = 2000;

  @Override
  public String name() {
    return "semantic_search";
  }

  @Override
  public String description() {
    return "Natural-language search over the code (\"where are passwords hashed\"): files ranked by"
        + " a fusion of BM25 over paths, symbol names, docs and content, symbol-name matches and,"
        + " where chunks are embedded, vector similarity. Each file comes with its best"
        + " path:line anchors and snippets; the first line says how much is embedded.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("query", "what you are looking for, in words or identifiers", true)
        .integer("limit", "at most this many files (default " + DEFAULT_LIMIT + ")", 1, 50)
        .bool("vectors", "let embedded chunks take part (default true; text and symbols always do)")
        .maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments args = call.arguments();
    String query = args.string("query");
    if (query.length() > SemanticSearch.MAX_QUERY_CHARS) {
      throw ToolArguments.invalid(
          "query must be at most " + SemanticSearch.MAX_QUERY_CHARS + " characters");
    }
    int limit = args.integer("limit", DEFAULT_LIMIT, 1, 50);
    boolean vectors = args.bool("vectors", true);
    TextBudget text = call.budget(DEFAULT_TOKENS);
    SemanticSearch.Result result =
        call.core()
            .semanticSearch()
            .search(
                call.repository(), call.branch(), new SemanticSearch.Query(query, limit, vectors));
    text.line(coverage(result.coverage()));
    if (result.files().isEmpty()) {
      text.line("no file matches '" + query + "'");
    }
    List<SemanticSearch.FileHit> shown = new ArrayList<>();
    int rank = 1;
    for (SemanticSearch.FileHit hit : result.files()) {
      if (!text.line(rank + ". " + hit.path() + "  [" + String.join(", ", hit.matchedBy()) + "]")) {
        break;
      }
      shown.add(hit);
      for (SemanticSearch.Anchor anchor : hit.anchors()) {
        text.line("   " + anchorLine(hit.path(), anchor));
      }
      rank++;
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("files", shown);
    structured.put("coverage", result.coverage());
    structured.put("terms", result.terms());
    return ToolAnswer.of(text.toString(), structured);
  }

  static String anchorLine(String path, SemanticSearch.Anchor anchor) {
    StringBuilder line = new StringBuilder(path).append(':').append(anchor.line());
    if (anchor.symbol() != null && anchor.kind() != null) {
      line.append(' ').append(anchor.kind().id()).append(' ').append(anchor.symbol());
    }
    if (!anchor.snippet().isEmpty()) {
      line.append(" - ").append(anchor.snippet());
    }
    return line.toString();
  }

  static String coverage(SemanticSearch.Coverage coverage) {
    String counts =
        String.format(
            Locale.ROOT,
            "vectors: %,d / %,d chunks embedded",
            coverage.embeddedChunks(),
            coverage.totalChunks());
    if (coverage.vectorsUsed()) {
      return counts + " (used)";
    }
    return counts
        + (coverage.embeddedChunks() == 0
            ? "; ranked by text and symbols only"
            : "; vectors not used");
  }
}
