package dev.atelier.mcp.tools;

import dev.atelier.chat.ChatChannel;
import dev.atelier.chat.ChatMessage;
import dev.atelier.chat.ChatPage;
import dev.atelier.mcp.TeamCall;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolArguments;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the chat tools write channels and messages for an assistant: one header line per message with
 * its id (to answer in its thread or edit it), then its Markdown body as posted, indented.
 */
final class ChatLines {

  private ChatLines() {}

  static String channel(ChatChannel channel) {
    StringBuilder line =
        new StringBuilder("#").append(channel.name()).append(" (id ").append(channel.id());
    line.append(", ").append(channel.kind());
    if (channel.member()) {
      line.append(", member");
    }
    if (channel.archived()) {
      line.append(", archived");
    }
    if (channel.unread() != null) {
      line.append(", ").append(channel.unread()).append(" unread");
    }
    line.append(')');
    if (!channel.topic().isBlank()) {
      line.append(" ").append(channel.topic().strip().replace('\n', ' '));
    }
    return line.toString();
  }

  static Map<String, Object> channelFields(ChatChannel channel) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", channel.id());
    fields.put("name", channel.name());
    fields.put("kind", channel.kind());
    fields.put("topic", channel.topic());
    fields.put("member", channel.member());
    fields.put("archived", channel.archived());
    if (channel.projectId() != null) {
      fields.put("projectId", channel.projectId());
    }
    if (channel.unread() != null) {
      fields.put("unread", channel.unread());
    }
    return fields;
  }

  /** {@code [42] 2026-12-07T10:02Z Ada (user 3) edited v2:} then the body, indented. */
  static String message(ChatMessage message) {
    return message(message, true);
  }

  /** As {@link #message(ChatMessage)}; {@code threadPointer} false inside the thread itself. */
  static String message(ChatMessage message, boolean threadPointer) {
    StringBuilder text =
        new StringBuilder("[")
            .append(message.id())
            .append("] ")
            .append(minute(message.createdAt()))
            .append(' ')
            .append(message.authorName())
            .append(" (")
            .append("agent".equals(message.authorType()) ? "agent of " : "")
            .append("user ")
            .append(message.authorId())
            .append(')');
    if (message.editedAt() != null) {
      text.append(" edited v").append(message.version());
    }
    if (message.threadId() != null) {
      text.append(" in thread ").append(message.threadId());
    }
    if (!message.reactions().isEmpty()) {
      text.append(" reactions");
      message.reactions().forEach((emoji, count) -> text.append(' ').append(emoji).append(count));
    }
    text.append(':');
    String body = message.body();
    if (body == null) {
      text.append(" (deleted)");
    } else {
      for (String line : body.strip().split("\n", -1)) {
        text.append("\n  ").append(line);
      }
    }
    if (threadPointer && message.replyCount() > 0) {
      text.append("\n  -> ")
          .append(message.replyCount())
          .append(message.replyCount() == 1 ? " reply" : " replies")
          .append(", latest ")
          .append(message.lastReplyAt() == null ? "?" : minute(message.lastReplyAt()))
          .append(" (get_thread thread_id=")
          .append(message.id())
          .append(')');
    }
    return text.toString();
  }

  static Map<String, Object> messageFields(ChatMessage message) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", message.id());
    fields.put("channelId", message.channelId());
    if (message.threadId() != null) {
      fields.put("threadId", message.threadId());
    }
    fields.put("authorId", message.authorId());
    fields.put("authorName", message.authorName());
    fields.put("authorType", message.authorType());
    if (message.body() != null) {
      fields.put("body", message.body());
    }
    fields.put("deleted", message.deleted());
    fields.put("version", message.version());
    fields.put("createdAt", message.createdAt().toString());
    if (message.editedAt() != null) {
      fields.put("editedAt", message.editedAt().toString());
    }
    fields.put("replyCount", message.replyCount());
    if (!message.reactions().isEmpty()) {
      fields.put("reactions", message.reactions());
    }
    return fields;
  }

  /** The messages of a page, oldest first, within the budget, and their fields. */
  static List<Map<String, Object>> messages(ChatPage page, TextBudget text) {
    List<Map<String, Object>> structured = new ArrayList<>();
    for (ChatMessage message : page.messages()) {
      if (!text.line(message(message))) {
        break;
      }
      structured.add(messageFields(message));
    }
    return structured;
  }

  /** An id argument (a positive whole number), if given. */
  static Optional<Long> id(ToolArguments arguments, String name) {
    return arguments
        .optionalString(name)
        .map(value -> {
          String text = value.startsWith("#") ? value.substring(1) : value;
          try {
            long id = Long.parseLong(text);
            if (id > 0) {
              return id;
            }
          } catch (NumberFormatException e) {
            // said below
          }
          throw ToolArguments.invalid(
              name + " is a message id (a positive number), not '" + value + "'");
        });
  }

  /** The body as given (Markdown: leading spaces may matter); chat checks its size. */
  static String body(ToolArguments arguments) {
    Object body = arguments.asMap().get("body");
    if (body instanceof String text && !text.isBlank()) {
      return text;
    }
    throw ToolArguments.invalid("body is required: the message, in Markdown");
  }

  static long requiredId(ToolArguments arguments, String name) {
    return id(arguments, name).orElseThrow(() -> ToolArguments.invalid(name + " is required"));
  }

  static @Nullable Instant instant(ToolArguments arguments, String name) {
    Optional<String> value = arguments.optionalString(name);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value.get());
    } catch (DateTimeParseException e) {
      throw ToolArguments.invalid(
          name + " is an ISO-8601 instant such as 2026-12-07T10:00:00Z, not '" + value.get() + "'");
    }
  }

  /** A channel named by id or name, resolved as the caller sees it (others are not found). */
  static ChatChannel channel(TeamCall call, String name) {
    return call.chat().channel(call.caller(), call.arguments().string(name));
  }

  private static String minute(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MINUTES).toString();
  }
}
