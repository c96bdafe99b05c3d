package dev.atelier.mcp.tools;

import dev.atelier.chat.ChatChannel;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TeamCall;
import dev.atelier.mcp.TeamTool;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code list_channels}: the team's chat channels the caller may read. */
public final class ListChannelsTool implements TeamTool {

  private static final int DEFAULT_TOKENS = 2000;

  @Override
  public String name() {
    return "list_channels";
  }

  @Override
  public String description() {
    return "List the team chat channels you may read (public ones and those you are a member of),"
        + " with their ids, kind, topic and unread counts where kept. Read one with read_channel.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object().maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(TeamCall call) {
    List<ChatChannel> channels = call.chat().channels(call.caller());
    TextBudget text = call.budget(DEFAULT_TOKENS);
    if (channels.isEmpty()) {
      text.line("no channels you may read");
    }
    List<Map<String, Object>> structured = new ArrayList<>();
    for (ChatChannel channel : channels) {
      if (!text.line(ChatLines.channel(channel))) {
        break;
      }
      structured.add(ChatLines.channelFields(channel));
    }
    return ToolAnswer.of(text.toString(), Map.of("channels", structured));
  }
}
