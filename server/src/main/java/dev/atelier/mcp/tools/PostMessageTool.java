package dev.atelier.mcp.tools;

import dev.atelier.chat.ChatMessage;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TeamCall;
import dev.atelier.mcp.TeamTool;
import dev.atelier.mcp.ToolAnswer;
import java.util.Map;
import java.util.Optional;

/** {@code post_message}: posts to a channel or answers in a thread, as an agent. */
public final class PostMessageTool implements TeamTool {

  @Override
  public String name() {
    return "post_message";
  }

  @Override
  public String description() {
    return "Post a message to a chat channel, or answer in a thread (thread_id, the root message's"
        + " id; the channel may then be left out). The body is Markdown (fenced code blocks for"
        + " code, at most 16 KiB). Link the code you talk about as [[REPO:path]] or"
        + " [[REPO:path#L10-20]] (REPO is the repository's name) and mention people as <@USERID>;"
        + " both render as links. The message is marked as posted by an agent on your behalf.";
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("channel", "the channel's id or name (optional when thread_id is given)", false)
        .string("body", "the message, in Markdown", true)
        .string("thread_id", "answer in this thread (the id of its root message)", false);
  }

  @Override
  public ToolAnswer call(TeamCall call) {
    Optional<Long> thread = ChatLines.id(call.arguments(), "thread_id");
    Long channel =
        call.arguments().has("channel") || thread.isEmpty()
            ? ChatLines.channel(call, "channel").id()
            : null;
    ChatMessage message =
        call.chat()
            .post(call.caller(), channel, thread.orElse(null), ChatLines.body(call.arguments()));
    return ToolAnswer.of(
        "posted message "
            + message.id()
            + " in channel "
            + message.channelId()
            + (message.threadId() == null
                ? " (start of a thread: answer with thread_id=" + message.id() + ")"
                : " in thread " + message.threadId()),
        Map.of("message", ChatLines.messageFields(message)));
  }
}
