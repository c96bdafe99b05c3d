package dev.atelier.mcp.tools;

import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import dev.atelier.memory.Learning;
import dev.atelier.memory.LearningScope;
import dev.atelier.memory.Learnings;
import dev.atelier.platform.AtelierException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How the learning tools show a learning: one line an agent can cite by id, and its fields. */
final class LearningLines {

  private LearningLines() {}

  static Learnings store(ToolCall call) {
    return new Learnings(call.core().database());
  }

  /** {@code #12 pitfall 0.78 src/db/Pool.java: the pool leaks ... [tags: db]}. */
  static String line(Learning learning) {
    StringBuilder line =
        new StringBuilder()
            .append('#')
            .append(learning.id())
            .append(' ')
            .append(learning.kind().id())
            .append(' ')
            .append(String.format(Locale.ROOT, "%.2f", learning.confidence()))
            .append(' ')
            .append(
                learning.scope().level() == LearningScope.Level.REPO ? "(repo)" : where(learning))
            .append(": ")
            .append(learning.content().replace('\n', ' '));
    if (!learning.tags().isEmpty()) {
      line.append(" [tags: ").append(String.join(", ", learning.tags())).append(']');
    }
    if (learning.decayed()) {
      line.append(" (decayed)");
    }
    return line.toString();
  }

  private static String where(Learning learning) {
    return learning.scope().level() == LearningScope.Level.FOLDER
        ? learning.scope().path() + "/"
        : learning.scope().path();
  }

  static Map<String, Object> fields(Learning learning) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", learning.id());
    fields.put("kind", learning.kind().id());
    fields.put("scope", learning.scope().level().id());
    fields.put("path", learning.scope().path());
    fields.put("content", learning.content());
    fields.put("tags", learning.tags());
    if (learning.source() != null) {
      fields.put("source", learning.source());
    }
    fields.put("confidence", Math.round(learning.confidence() * 1000) / 1000.0);
    fields.put("helpful", learning.helpful());
    fields.put("unhelpful", learning.unhelpful());
    fields.put("decayed", learning.decayed());
    fields.put("createdAt", learning.createdAt().toString());
    fields.put("updatedAt", learning.updatedAt().toString());
    return fields;
  }

  /** A path argument made repository-relative, with memory's errors as argument errors. */
  static String path(ToolCall call, String path) {
    try {
      return RepoPaths.relative(call, path);
    } catch (AtelierException e) {
      throw ToolArguments.invalid("path: " + e.getMessage());
    }
  }

  /** A number in [0, 1] given as a number or a string. */
  static double fraction(ToolArguments arguments, String name, double fallback) {
    Object value = arguments.asMap().get(name);
    if (value == null) {
      return fallback;
    }
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        number = Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        throw ToolArguments.invalid(name + " must be a number between 0 and 1, not \"" + s + "\"");
      }
    } else {
      throw ToolArguments.invalid(name + " must be a number between 0 and 1");
    }
    if (!(number >= 0 && number <= 1)) {
      throw ToolArguments.invalid(name + " must be between 0 and 1, not " + value);
    }
    return number;
  }
}
