package dev.atelier.mcp.tools;

import dev.atelier.chat.ChatChannel;
import dev.atelier.chat.ChatPage;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TeamCall;
import dev.atelier.mcp.TeamTool;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code read_channel}: a channel's latest messages, or a page before a message id. */
public final class ReadChannelTool implements TeamTool {

  private static final int DEFAULT_TOKENS = 4000;

  @Override
  public String name() {
    return "read_channel";
  }

  @Override
  public String description() {
    return "Read a chat channel (by id or name): its latest messages, oldest first, each with its"
        + " id, time, author and Markdown body; threads show their reply count (read them with"
        + " get_thread). For older messages pass the answer's 'before' cursor.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("channel", "the channel's id or name, e.g. general", true)
        .string("before", "only messages older than this message id (paging)", false)
        .integer("limit", "how many messages at most (default 30)", 1, 200)
        .maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(TeamCall call) {
    ChatChannel channel = ChatLines.channel(call, "channel");
    ChatPage page =
        call.chat()
            .messages(
                call.caller(),
                channel.id(),
                ChatLines.id(call.arguments(), "before").orElse(null),
                call.arguments().integer("limit", 30, 1, 200));
    TextBudget text = call.budget(DEFAULT_TOKENS);
    text.line(ChatLines.channel(page.channel()));
    if (page.messages().isEmpty()) {
      text.line("no messages" + (call.arguments().has("before") ? " before that one" : ""));
    }
    var messages = ChatLines.messages(page, text);
    if (page.nextBefore() != null) {
      text.line("older messages: before=" + page.nextBefore());
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("channel", ChatLines.channelFields(page.channel()));
    structured.put("messages", messages);
    if (page.nextBefore() != null) {
      structured.put("nextBefore", page.nextBefore());
    }
    return ToolAnswer.of(text.toString(), structured);
  }
}
