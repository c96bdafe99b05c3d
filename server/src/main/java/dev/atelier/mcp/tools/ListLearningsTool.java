package dev.atelier.mcp.tools;

import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import dev.atelier.memory.Learning;
import dev.atelier.memory.LearningFilter;
import dev.atelier.memory.LearningKind;
import dev.atelier.memory.LearningScope;
import dev.atelier.platform.AtelierException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code list_learnings}: the repository's learnings, filtered, most confident first. */
public final class ListLearningsTool implements AgentTool {

  private static final int DEFAULT_TOKENS = 2000;

  @Override
  public String name() {
    return "list_learnings";
  }

  @Override
  public String description() {
    return "List the learnings recorded about this repository, most confident first, filtered by"
        + " kind, scope, path (learnings on that path, under it, or on a folder above it) and"
        + " minimum confidence. Decayed learnings are listed too (marked).";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .enumeration("kind", "only this kind", LearningKind.ids())
        .enumeration("scope", "only this scope level", LearningScope.Level.ids())
        .string("path", "only learnings about this folder or file", false)
        .string("min_confidence", "only learnings at least this confident, 0 to 1", false)
        .integer("limit", "how many at most (default 50)", 1, 1000)
        .maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments arguments = call.arguments();
    LearningFilter filter;
    try {
      filter =
          new LearningFilter(
              arguments.optionalString("kind").map(LearningKind::ofId).orElse(null),
              arguments.optionalString("scope").map(LearningScope.Level::ofId).orElse(null),
              arguments.optionalString("path").map(p -> LearningLines.path(call, p)).orElse(null),
              LearningLines.fraction(arguments, "min_confidence", 0),
              arguments.integer("limit", 50, 1, 1000));
    } catch (AtelierException e) {
      throw ToolArguments.invalid(e.getMessage());
    }
    List<Learning> learnings =
        LearningLines.store(call).list(call.orgId(), call.repository().id(), filter);
    TextBudget text = call.budget(DEFAULT_TOKENS);
    if (learnings.isEmpty()) {
      text.line("no learnings match; record_learning stores one");
    }
    List<Map<String, Object>> structured = new ArrayList<>();
    for (Learning learning : learnings) {
      if (!text.line(LearningLines.line(learning))) {
        break;
      }
      structured.add(LearningLines.fields(learning));
    }
    return ToolAnswer.of(text.toString(), Map.of("learnings", structured));
  }
}
