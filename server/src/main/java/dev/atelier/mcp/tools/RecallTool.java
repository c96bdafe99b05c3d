package dev.atelier.mcp.tools;

import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import dev.atelier.memory.RecallQuery;
import dev.atelier.memory.RecalledLearning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code recall}: the learnings relevant to a query, to files, or both. */
public final class RecallTool implements AgentTool {

  private static final int DEFAULT_TOKENS = 1500;

  @Override
  public String name() {
    return "recall";
  }

  @Override
  public String description() {
    return "The learnings recorded about this repository that matter for a query and/or the files"
        + " you are working on, best first (text relevance and scope match, times confidence)."
        + " Learnings whose confidence decayed below 0.2 are left out unless include_decayed.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("query", "what you are about to do or want to know", false)
        .strings("files", "repository-relative files you are working on", false)
        .integer("limit", "how many learnings at most (default 10)", 1, 100)
        .bool("include_decayed", "also recall learnings below the confidence floor")
        .maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments arguments = call.arguments();
    String query = arguments.string("query", "");
    List<String> files =
        arguments.strings("files").stream().map(f -> LearningLines.path(call, f)).toList();
    if (query.isEmpty() && files.isEmpty()) {
      throw ToolArguments.invalid("recall needs a query, files, or both");
    }
    int limit = arguments.integer("limit", 10, 1, 100);
    TextBudget text = call.budget(DEFAULT_TOKENS);
    List<RecalledLearning> recalled =
        LearningLines.store(call)
            .recall(
                call.orgId(),
                call.repository().id(),
                new RecallQuery(query, files, limit, arguments.bool("include_decayed", false)));
    List<Map<String, Object>> structured = new ArrayList<>();
    if (recalled.isEmpty()) {
      text.line("no learnings match; record_learning stores one");
    }
    for (RecalledLearning r : recalled) {
      if (!text.line(LearningLines.line(r.learning()))) {
        break;
      }
      Map<String, Object> fields = new LinkedHashMap<>(LearningLines.fields(r.learning()));
      fields.put("score", round(r.score()));
      fields.put("textMatch", round(r.textMatch()));
      fields.put("scopeMatch", round(r.scopeMatch()));
      structured.add(fields);
    }
    return ToolAnswer.of(text.toString(), Map.of("learnings", structured));
  }

  static double round(double value) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.3f", value));
  }
}
