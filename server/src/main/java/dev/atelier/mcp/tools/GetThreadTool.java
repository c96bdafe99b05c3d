package dev.atelier.mcp.tools;

import dev.atelier.chat.ChatPage;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TeamCall;
import dev.atelier.mcp.TeamTool;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code get_thread}: a thread's root message and its replies. */
public final class GetThreadTool implements TeamTool {

  private static final int DEFAULT_TOKENS = 4000;

  @Override
  public String name() {
    return "get_thread";
  }

  @Override
  public String description() {
    return "Read a chat thread: its root message (thread_id is the root's id) and its latest"
        + " replies, oldest first. Answer in it with post_message and the same thread_id.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("thread_id", "the id of the thread's root message", true)
        .string("before", "only replies older than this message id (paging)", false)
        .integer("limit", "how many replies at most (default 50)", 1, 200)
        .maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(TeamCall call) {
    ChatPage page =
        call.chat()
            .thread(
                call.caller(),
                ChatLines.requiredId(call.arguments(), "thread_id"),
                ChatLines.id(call.arguments(), "before").orElse(null),
                call.arguments().integer("limit", 50, 1, 200));
    var root = Objects.requireNonNull(page.root(), "a thread has a root");
    TextBudget text = call.budget(DEFAULT_TOKENS);
    text.line("thread " + root.id() + " in " + ChatLines.channel(page.channel()));
    text.line(
        ChatLines.message(root, false)
            + "\n  ("
            + root.replyCount()
            + (root.replyCount() == 1 ? " reply" : " replies")
            + ")");
    if (page.nextBefore() != null) {
      text.line("(older replies: before=" + page.nextBefore() + ")");
    }
    if (page.messages().isEmpty()) {
      text.line("no replies yet");
    }
    var replies = ChatLines.messages(page, text);
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("channel", ChatLines.channelFields(page.channel()));
    structured.put("root", ChatLines.messageFields(root));
    structured.put("replies", replies);
    if (page.nextBefore() != null) {
      structured.put("nextBefore", page.nextBefore());
    }
    return ToolAnswer.of(text.toString(), structured);
  }
}
