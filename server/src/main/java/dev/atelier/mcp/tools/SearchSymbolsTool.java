package dev.atelier.mcp.tools;

import dev.atelier.codeintel.SymbolHit;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code search_symbols}: symbol-name search (exact, prefix, camel humps, fuzzy). */
public final class SearchSymbolsTool implements AgentTool {

  private static final int DEFAULT_LIMIT = 20;

  @Override
  public String name() {
    return "search_symbols";
  }

  @Override
  public String description() {
    return "Find symbols by name: exact, prefix, camel humps (HSR finds HttpServletRequest),"
        + " fuzzy. Answers path:line anchors, best first.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("query", "the name or part of it", true)
        .strings("kinds", "only these kinds: class, interface, method, function, field, ...", false)
        .integer("limit", "at most this many (default " + DEFAULT_LIMIT + ")", 1, 200)
        .maxTokens(2000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments args = call.arguments();
    String query = args.string("query");
    int limit = args.integer("limit", DEFAULT_LIMIT, 1, 200);
    Set<SymbolKind> kinds = EnumSet.noneOf(SymbolKind.class);
    for (String kind : args.strings("kinds")) {
      try {
        kinds.add(SymbolKind.ofId(kind));
      } catch (IllegalArgumentException e) {
        throw ToolArguments.invalid(String.valueOf(e.getMessage()));
      }
    }
    List<SymbolHit> hits =
        call.core().search().symbols(call.repository(), call.branch().name(), query, kinds, limit);
    return SymbolLines.answer(hits, call.budget(2000), "no symbol matches '" + query + "'");
  }
}
