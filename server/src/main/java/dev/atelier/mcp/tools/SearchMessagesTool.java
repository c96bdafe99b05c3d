package dev.atelier.mcp.tools;

import dev.atelier.chat.ChatHit;
import dev.atelier.chat.ChatSearch;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TeamCall;
import dev.atelier.mcp.TeamTool;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code search_messages}: chat messages with every word, with the filters of /api/search. */
public final class SearchMessagesTool implements TeamTool {

  private static final int DEFAULT_TOKENS = 3000;

  @Override
  public String name() {
    return "search_messages";
  }

  @Override
  public String description() {
    return "Search the team chat for messages containing every word of the query (whole words or"
        + " parts of words, CJK too), whole-word matches first, then the newest. Filters: channel"
        + " (id or name), author (user id), from/to (ISO-8601 instants), has_code (messages with"
        + " code). Each hit names its message, channel and thread ids for read_channel/get_thread.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("query", "the words to find", true)
        .string("channel", "only in this channel (id or name)", false)
        .string("author", "only messages by this user id", false)
        .string("from", "only messages posted at or after this instant (ISO-8601)", false)
        .string("to", "only messages posted before this instant (ISO-8601)", false)
        .bool("has_code", "true: only messages with code; false: only messages without")
        .integer("limit", "how many hits at most (default 20)", 1, 100)
        .maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(TeamCall call) {
    var arguments = call.arguments();
    Long channel = arguments.has("channel") ? ChatLines.channel(call, "channel").id() : null;
    ChatSearch search =
        new ChatSearch(
            arguments.string("query"),
            channel,
            ChatLines.id(arguments, "author").orElse(null),
            ChatLines.instant(arguments, "from"),
            ChatLines.instant(arguments, "to"),
            arguments.has("has_code") ? arguments.bool("has_code", false) : null,
            arguments.integer("limit", 20, 1, 100));
    List<ChatHit> hits = call.chat().search(call.caller(), search);
    TextBudget text = call.budget(DEFAULT_TOKENS);
    if (hits.isEmpty()) {
      text.line("no messages match");
    }
    List<Map<String, Object>> structured = new ArrayList<>();
    for (ChatHit hit : hits) {
      String line =
          "["
              + hit.messageId()
              + "] #"
              + hit.channelName()
              + " (channel "
              + hit.channelId()
              + (hit.threadId() == null ? "" : ", thread " + hit.threadId())
              + ") "
              + hit.createdAt().truncatedTo(ChronoUnit.MINUTES)
              + " "
              + hit.authorName()
              + " ("
              + ("agent".equals(hit.authorType()) ? "agent of " : "")
              + "user "
              + hit.authorId()
              + "): "
              + hit.snippet().replace('\n', ' ');
      if (!text.line(line)) {
        break;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("messageId", hit.messageId());
      fields.put("channelId", hit.channelId());
      fields.put("channelName", hit.channelName());
      if (hit.threadId() != null) {
        fields.put("threadId", hit.threadId());
      }
      fields.put("authorId", hit.authorId());
      fields.put("authorName", hit.authorName());
      fields.put("authorType", hit.authorType());
      fields.put("createdAt", hit.createdAt().toString());
      fields.put("snippet", hit.snippet());
      structured.add(fields);
    }
    return ToolAnswer.of(text.toString(), Map.of("hits", structured));
  }
}
