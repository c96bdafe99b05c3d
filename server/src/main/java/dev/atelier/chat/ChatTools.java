package dev.atelier.chat;

import dev.atelier.chat.internal.web.ChatToolsService;
import dev.atelier.identity.OrgDirectory;
import dev.atelier.platform.Caller;
import dev.atelier.platform.Database;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Chat as an assistant uses it (the MCP tools): the same rules as the REST API. Every call acts for
 * a caller in the caller's org; a channel the caller may not read, and every message in it, is "not
 * found"; writing needs at least the member role; writes are audited (one row each) and published
 * to the channel's readers.
 */
public interface ChatTools {

  /** The channels the caller may read, by name. */
  List<ChatChannel> channels(Caller caller);

  /** A channel the caller may read, by id or by name. */
  ChatChannel channel(Caller caller, String idOrName);

  /** A page of a channel's root messages, before the message id {@code before}. */
  ChatPage messages(Caller caller, long channelId, @Nullable Long before, int limit);

  /** A thread's root and a page of its replies, before the reply id {@code before}. */
  ChatPage thread(Caller caller, long rootId, @Nullable Long before, int limit);

  /**
   * Posts as the caller's agent (author type {@code agent}) to a channel or, with {@code threadId},
   * to that thread (whose channel is used when {@code channelId} is null).
   */
  ChatMessage post(Caller caller, @Nullable Long channelId, @Nullable Long threadId, String body);

  /** Replaces the body of one of the caller's own messages: version + 1, the old body kept. */
  ChatMessage edit(Caller caller, long messageId, String body);

  /** Messages with every word of the query, in channels the caller may read. */
  List<ChatHit> search(Caller caller, ChatSearch search);

  /**
   * Chat over a database outside Spring (the plain-Java {@code atelier mcp}); {@code events}
   * receives what {@code serve} would publish ({@link dev.atelier.audit.AuditEvent}s among them);
   * {@code repositories} names an org's repositories (name to id) for code links.
   */
  static ChatTools over(
      Database database,
      OrgDirectory directory,
      Function<Long, Map<String, Long>> repositories,
      Consumer<Object> events) {
    return ChatToolsService.over(database, directory, repositories, events);
  }
}
