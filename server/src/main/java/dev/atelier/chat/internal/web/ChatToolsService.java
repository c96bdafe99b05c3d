package dev.atelier.chat.internal.web;

import static java.util.Objects.requireNonNull;

import dev.atelier.audit.AuditEvent;
import dev.atelier.chat.ChatChannel;
import dev.atelier.chat.ChatError;
import dev.atelier.chat.ChatHit;
import dev.atelier.chat.ChatMessage;
import dev.atelier.chat.ChatPage;
import dev.atelier.chat.ChatSearch;
import dev.atelier.chat.ChatTools;
import dev.atelier.chat.MessageEdited;
import dev.atelier.chat.MessagePosted;
import dev.atelier.chat.internal.Channels;
import dev.atelier.chat.internal.MessageRenderer;
import dev.atelier.chat.internal.MessageSearch;
import dev.atelier.chat.internal.Messages;
import dev.atelier.chat.internal.SearchTerms;
import dev.atelier.identity.OrgDirectory;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.Database;
import dev.atelier.platform.Role;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link ChatTools} over the chat stores, with {@link ChannelAccess}'s rules and the audit rows and
 * events of {@link MessageController}, so an assistant's post is indistinguishable from a REST one
 * but for its author type.
 */
public final class ChatToolsService implements ChatTools {

  static final String AGENT = "agent";

  private final Channels channels;
  private final Messages messages;
  private final MessageSearch search;
  private final ChannelAccess access;
  private final OrgDirectory directory;
  private final Consumer<Object> events;

  ChatToolsService(
      Channels channels,
      Messages messages,
      MessageSearch search,
      OrgDirectory directory,
      Consumer<Object> events) {
    this.channels = requireNonNull(channels, "channels is null");
    this.messages = requireNonNull(messages, "messages is null");
    this.search = requireNonNull(search, "search is null");
    this.directory = requireNonNull(directory, "directory is null");
    this.events = requireNonNull(events, "events is null");
    this.access = new ChannelAccess(channels, messages);
  }

  public static ChatTools over(
      Database database,
      OrgDirectory directory,
      Function<Long, Map<String, Long>> repositories,
      Consumer<Object> events) {
    Clock clock = Clock.systemUTC();
    return new ChatToolsService(
        new Channels(database, clock, directory),
        new Messages(database, clock, directory, new MessageRenderer(), repositories),
        new MessageSearch(database),
        directory,
        events);
  }

  @Override
  public List<ChatChannel> channels(Caller caller) {
    return channels.list(caller.orgId(), caller.userId(), null).stream()
        .map(ChatToolsService::channel)
        .toList();
  }

  @Override
  public ChatChannel channel(Caller caller, String idOrName) {
    String wanted = idOrName.strip();
    String name = wanted.startsWith("#") ? wanted.substring(1) : wanted;
    Optional<Channels.Channel> byId =
        id(name).flatMap(id -> channels.find(caller.orgId(), id, caller.userId()));
    // Names are unique per org as written; a different case is accepted when it is unambiguous.
    return byId.or(
            () -> {
              List<Channels.Channel> readable =
                  channels.list(caller.orgId(), caller.userId(), null);
              Optional<Channels.Channel> exact =
                  readable.stream().filter(c -> c.name().equals(name)).findFirst();
              List<Channels.Channel> anyCase =
                  readable.stream().filter(c -> c.name().equalsIgnoreCase(name)).toList();
              return exact.or(
                  () -> anyCase.size() == 1 ? Optional.of(anyCase.getFirst()) : Optional.empty());
            })
        .map(ChatToolsService::channel)
        .orElseThrow(() ->
            new AtelierException(ChatError.CHANNEL_NOT_FOUND, "no channel '" + idOrName + "'"));
  }

  @Override
  public ChatPage messages(Caller caller, long channelId, @Nullable Long before, int limit) {
    Channels.Channel channel = access.readable(channelId, caller);
    Messages.Page page = messages.page(caller.orgId(), channel.id(), null, before, pageSize(limit));
    return new ChatPage(
        channel(channel), null, named(page.messages().reversed()), page.nextBefore());
  }

  @Override
  public ChatPage thread(Caller caller, long rootId, @Nullable Long before, int limit) {
    Messages.Message root = threadRoot(rootId, caller);
    Channels.Channel channel = access.readable(root.channelId(), caller);
    Messages.Page page =
        messages.page(caller.orgId(), channel.id(), root.id(), before, pageSize(limit));
    List<ChatMessage> replies = named(page.messages().reversed());
    return new ChatPage(
        channel(channel), named(List.of(root)).getFirst(), replies, page.nextBefore());
  }

  @Override
  public ChatMessage post(
      Caller caller, @Nullable Long channelId, @Nullable Long threadId, String body) {
    requireWriter(caller);
    long channel;
    if (threadId != null) {
      Messages.Message root = threadRoot(threadId, caller);
      if (channelId != null && channelId != root.channelId()) {
        throw new AtelierException(ChatError.INVALID_MESSAGE, "the thread is in another channel");
      }
      channel = root.channelId();
    } else if (channelId != null) {
      channel = channelId;
    } else {
      throw new AtelierException(ChatError.INVALID_MESSAGE, "a message needs a channel");
    }
    access.writable(channel, caller);
    String text = Messages.body(body);
    Messages.Message message =
        messages.post(caller.orgId(), channel, threadId, caller.userId(), AGENT, text);
    // An MCP call runs off the HTTP request's thread: the event names its actor, an agent.
    events.accept(
        AuditEvent.created(
                caller.orgId(),
                "message",
                Long.toString(message.id()),
                Map.of(
                    "channel",
                    channel,
                    "thread",
                    threadId == null ? "" : threadId,
                    "body",
                    text,
                    "authorType",
                    AGENT))
            .byAgentOf(caller.userId()));
    events.accept(
        new MessagePosted(caller.orgId(), channel, message.id(), threadId, caller.userId()));
    return named(List.of(message)).getFirst();
  }

  @Override
  public ChatMessage edit(Caller caller, long messageId, String body) {
    requireWriter(caller);
    Messages.Message before = access.liveMessage(messageId, caller);
    ChannelAccess.require(before.authorId() == caller.userId(), "only its author edits a message");
    access.writable(before.channelId(), caller);
    String text = Messages.body(body);
    Messages.Message after = messages.edit(caller.orgId(), messageId, text);
    events.accept(
        new AuditEvent(
                caller.orgId(),
                "message",
                Long.toString(messageId),
                "updated",
                Map.of("body", String.valueOf(before.body()), "version", before.version()),
                Map.of("body", text, "version", after.version()))
            .byAgentOf(caller.userId()));
    events.accept(
        new MessageEdited(
            caller.orgId(), after.channelId(), messageId, after.threadId(), after.version()));
    return named(List.of(after)).getFirst();
  }

  @Override
  public List<ChatHit> search(Caller caller, ChatSearch query) {
    if (query.limit() < 1 || query.limit() > MessageSearchController.MAX_LIMIT) {
      throw new AtelierException(
          ChatError.INVALID_SEARCH, "limit is 1 to " + MessageSearchController.MAX_LIMIT);
    }
    List<MessageSearch.Hit> hits =
        search.search(
            caller.orgId(),
            caller.userId(),
            SearchTerms.parse(query.query()),
            new MessageSearch.Filters(
                query.channelId(), query.authorId(), query.from(), query.to(), query.hasCode()),
            query.limit());
    Map<Long, String> names = names(hits.stream().map(MessageSearch.Hit::authorId).toList());
    return hits.stream()
        .map(hit ->
            new ChatHit(
                hit.messageId(),
                hit.channelId(),
                hit.channelName(),
                hit.threadId(),
                hit.authorId(),
                names.getOrDefault(hit.authorId(), "Unknown user"),
                hit.authorType(),
                hit.createdAt(),
                hit.snippet()))
        .toList();
  }

  // A viewer reads chat but does not write in it (REST refuses the same with 403).
  private static void requireWriter(Caller caller) {
    ChannelAccess.require(
        caller.role().atLeast(Role.MEMBER), "a viewer may read chat but not write in it");
  }

  // A reply answers a root, as over REST: replies to replies make a tree no thread view shows.
  private Messages.Message threadRoot(long threadId, Caller caller) {
    Messages.Message root = access.liveMessage(threadId, caller);
    if (root.threadId() != null) {
      throw new AtelierException(
          ChatError.INVALID_MESSAGE,
          "message " + threadId + " is a reply; its thread is " + root.threadId());
    }
    return root;
  }

  private static int pageSize(int limit) {
    if (limit < 1 || limit > MessageController.MAX_PAGE) {
      throw new AtelierException(
          ChatError.INVALID_MESSAGE, "limit is 1 to " + MessageController.MAX_PAGE);
    }
    return limit;
  }

  private List<ChatMessage> named(List<Messages.Message> page) {
    Map<Long, String> names = names(page.stream().map(Messages.Message::authorId).toList());
    return page.stream()
        .map(m -> {
          Map<String, Integer> reactions = new LinkedHashMap<>();
          m.reactions().forEach(r -> reactions.put(r.emoji(), r.count()));
          return new ChatMessage(
              m.id(),
              m.channelId(),
              m.threadId(),
              m.authorId(),
              names.getOrDefault(m.authorId(), "Unknown user"),
              m.authorType(),
              m.body(),
              m.version(),
              m.createdAt(),
              m.editedAt(),
              m.replyCount(),
              m.lastReplyAt(),
              reactions);
        })
        .toList();
  }

  private Map<Long, String> names(List<Long> userIds) {
    Set<Long> distinct = new HashSet<>(userIds);
    return distinct.isEmpty() ? Map.of() : directory.displayNames(distinct);
  }

  private static ChatChannel channel(Channels.Channel c) {
    return new ChatChannel(
        c.id(),
        c.name(),
        c.kind(),
        c.topic(),
        c.projectId(),
        c.member(),
        c.archivedAt() != null,
        c.member() ? Long.valueOf(c.unreadCount()) : null);
  }

  private static Optional<Long> id(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(text));
  }
}
