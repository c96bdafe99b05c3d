package dev.atelier.mcp.tools;

import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import dev.atelier.memory.Learning;
import dev.atelier.memory.Learnings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code learning_feedback}: marks a learning helpful or not, moving its confidence. */
public final class LearningFeedbackTool implements AgentTool {

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String name() {
    return "learning_feedback";
  }

  @Override
  public String description() {
    return "Mark a recalled learning helpful or not. Helpful moves its confidence a quarter of the"
        + " way to 1; unhelpful takes away 35%, and below 0.2 recall stops offering it.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .integer("id", "the learning's id (#12 in recall and list_learnings)", 1, Integer.MAX_VALUE)
        .bool("helpful", "true if it helped, false if it was wrong or useless");
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments arguments = call.arguments();
    if (!arguments.has("id")) {
      throw ToolArguments.invalid("id is required");
    }
    if (!arguments.has("helpful")) {
      throw ToolArguments.invalid("helpful is required (true or false)");
    }
    long id = arguments.integer("id", 0, 1, Integer.MAX_VALUE);
    boolean helpful = arguments.bool("helpful", true);
    Learnings learnings = LearningLines.store(call);
    double before = learnings.get(call.orgId(), call.repository().id(), id).confidence();
    Learning after = learnings.feedback(call.orgId(), call.repository().id(), id, helpful);
    Map<String, Object> structured = new LinkedHashMap<>(LearningLines.fields(after));
    structured.put("previousConfidence", RecallTool.round(before));
    return ToolAnswer.of(
        String.format(
                Locale.ROOT,
                "#%d marked %s: confidence %.2f -> %.2f%s%n",
                id,
                helpful ? "helpful" : "unhelpful",
                before,
                after.confidence(),
                after.decayed() ? " (below 0.2: recall leaves it out now)" : "")
            + LearningLines.line(after),
        structured);
  }
}
