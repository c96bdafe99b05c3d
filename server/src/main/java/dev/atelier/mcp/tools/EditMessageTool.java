package dev.atelier.mcp.tools;

import dev.atelier.chat.ChatMessage;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TeamCall;
import dev.atelier.mcp.TeamTool;
import dev.atelier.mcp.ToolAnswer;
import java.util.Map;

/** {@code edit_message}: replaces the body of one of the caller's messages. */
public final class EditMessageTool implements TeamTool {

  @Override
  public String name() {
    return "edit_message";
  }

  @Override
  public String description() {
    return "Edit one of your own chat messages: its body is replaced (Markdown, same syntax as"
        + " post_message), its version goes up by one and the previous body stays in its history.";
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("message_id", "the id of your message", true)
        .string("body", "the new body, in Markdown", true);
  }

  @Override
  public ToolAnswer call(TeamCall call) {
    ChatMessage message =
        call.chat()
            .edit(
                call.caller(),
                ChatLines.requiredId(call.arguments(), "message_id"),
                ChatLines.body(call.arguments()));
    return ToolAnswer.of(
        "edited message " + message.id() + ": now version " + message.version(),
        Map.of("message", ChatLines.messageFields(message)));
  }
}
