package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a tool answers: compact text with {@code path:line} anchors for the agent to read, and the
 * same facts as structured content for programs.
 */
public record ToolAnswer(String text, Map<String, Object> structured) {

  public ToolAnswer {
    requireNonNull(text, "text is null");
    structured = Map.copyOf(requireNonNull(structured, "structured is null"));
  }

  public static ToolAnswer of(CharSequence text, Map<String, Object> structured) {
    return new ToolAnswer(text.toString().strip(), structured);
  }
}
