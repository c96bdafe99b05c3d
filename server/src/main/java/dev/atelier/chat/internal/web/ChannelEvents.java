package dev.atelier.chat.internal.web;

import dev.atelier.chat.ChannelCreated;
import dev.atelier.chat.ChannelDeleted;
import dev.atelier.chat.ChannelUpdated;
import dev.atelier.chat.MemberJoined;
import dev.atelier.chat.MemberLeft;
import dev.atelier.chat.MessageDeleted;
import dev.atelier.chat.MessageEdited;
import dev.atelier.chat.MessagePosted;
import dev.atelier.chat.ReactionAdded;
import dev.atelier.chat.ReactionRemoved;
import dev.atelier.chat.internal.Channels;
import dev.atelier.chat.internal.MessageRenderer;
import dev.atelier.chat.internal.Messages;
import dev.atelier.events.EventBus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Streams chat's changes with seed 004's wire types. On a channel's topic {@code channel:ID}, to
 * its readers: {@code newMessage}, {@code messageEdited}, {@code messageDeleted}, {@code
 * reactionAdded}, {@code memberJoined}, {@code memberLeft}, {@code typing}. Channel lifecycle
 * ({@code channelCreated}, {@code channelUpdated}, {@code channelDeleted}) goes to {@code org:ID}
 * for a public channel and to each member's {@code user:ID} for a private or direct one; {@code
 * mention} and {@code readMarker} to the one user's {@code user:ID}. Who may subscribe to a topic
 * is the events module's (and {@link ChannelTopics}') decision.
 */
@Component
class ChannelEvents {

  private final EventBus bus;
  private final Messages messages;
  private final Channels channels;

  ChannelEvents(EventBus bus, Messages messages, Channels channels) {
    this.bus = bus;
    this.messages = messages;
    this.channels = channels;
  }

  static String topic(long channelId) {
    return "channel:" + channelId;
  }

  static String orgTopic(long orgId) {
    return "org:" + orgId;
  }

  static String userTopic(long userId) {
    return "user:" + userId;
  }

  @EventListener
  void posted(MessagePosted posted) {
    messages
        .find(posted.orgId(), posted.messageId())
        .ifPresent(message -> {
          Map<String, Object> payload = base(message.id(), message.threadId());
          payload.put("channelId", message.channelId());
          payload.put("authorId", message.authorId());
          payload.put("authorType", message.authorType());
          payload.put("authorName", message.authorName());
          payload.put("body", String.valueOf(message.body()));
          payload.put("html", String.valueOf(message.html()));
          payload.put("createdAt", message.createdAt().toString());
          publish(posted.orgId(), topic(message.channelId()), "newMessage", payload);
          mentioned(
              posted.orgId(),
              message,
              message.mentions().stream().map(MessageRenderer.Mention::userId).toList());
        });
  }

  @EventListener
  void edited(MessageEdited edited) {
    messages
        .find(edited.orgId(), edited.messageId())
        .ifPresent(message -> {
          Map<String, Object> payload = base(message.id(), message.threadId());
          payload.put("channelId", message.channelId());
          payload.put("version", edited.version());
          payload.put("body", String.valueOf(message.body()));
          payload.put("html", String.valueOf(message.html()));
          publish(edited.orgId(), topic(edited.channelId()), "messageEdited", payload);
        });
  }

  @EventListener
  void deleted(MessageDeleted deleted) {
    Map<String, Object> payload = base(deleted.messageId(), deleted.threadId());
    payload.put("channelId", deleted.channelId());
    publish(deleted.orgId(), topic(deleted.channelId()), "messageDeleted", payload);
  }

  @EventListener
  void reacted(ReactionAdded reaction) {
    Map<String, Object> payload = base(reaction.messageId(), null);
    payload.put("channelId", reaction.channelId());
    payload.put("userId", reaction.userId());
    payload.put("emoji", reaction.emoji());
    publish(reaction.orgId(), topic(reaction.channelId()), "reactionAdded", payload);
  }

  @EventListener
  void unreacted(ReactionRemoved reaction) {
    Map<String, Object> payload = base(reaction.messageId(), null);
    payload.put("channelId", reaction.channelId());
    payload.put("userId", reaction.userId());
    payload.put("emoji", reaction.emoji());
    publish(reaction.orgId(), topic(reaction.channelId()), "reactionRemoved", payload);
  }

  @EventListener
  void created(ChannelCreated created) {
    lifecycle(created.orgId(), created.channelId(), "channelCreated");
  }

  @EventListener
  void updated(ChannelUpdated updated) {
    lifecycle(updated.orgId(), updated.channelId(), "channelUpdated");
  }

  @EventListener
  void removed(ChannelDeleted deleted) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("channelId", deleted.channelId());
    payload.put("kind", deleted.kind());
    for (String topic : lifecycleTopics(deleted.orgId(), deleted.kind(), deleted.memberIds())) {
      publish(deleted.orgId(), topic, "channelDeleted", new HashMap<>(payload));
    }
  }

  @EventListener
  void joined(MemberJoined joined) {
    publish(
        joined.orgId(),
        topic(joined.channelId()),
        "memberJoined",
        member(joined.channelId(), joined.userId()));
  }

  @EventListener
  void left(MemberLeft left) {
    publish(
        left.orgId(),
        topic(left.channelId()),
        "memberLeft",
        member(left.channelId(), left.userId()));
  }

  /** Someone is typing in a channel (or one of its threads); the caller throttles. */
  void typing(
      long orgId, long channelId, @Nullable Long threadId, long userId, String displayName) {
    Map<String, Object> payload = member(channelId, userId);
    if (threadId != null) {
      payload.put("threadId", threadId);
    }
    payload.put("displayName", displayName);
    signal(orgId, topic(channelId), "typing", payload);
  }

  /** The reader's marker moved: their other tabs and devices clear the channel's unread count. */
  void readMarker(long orgId, long channelId, long userId, long messageId) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("channelId", channelId);
    payload.put("messageId", messageId);
    publish(orgId, userTopic(userId), "readMarker", payload);
  }

  /** Tells people newly mentioned in a message, if they may read its channel (not its author). */
  void mentioned(long orgId, Messages.Message message, List<Long> userIds) {
    for (long userId : userIds) {
      if (userId == message.authorId()
          || channels.find(orgId, message.channelId(), userId).isEmpty()) {
        continue;
      }
      Map<String, Object> payload = new HashMap<>();
      payload.put("channelId", message.channelId());
      payload.put("messageId", message.id());
      payload.put("authorId", message.authorId());
      if (message.threadId() != null) {
        payload.put("threadId", message.threadId());
      }
      publish(orgId, userTopic(userId), "mention", payload);
    }
  }

  private void lifecycle(long orgId, long channelId, String type) {
    channels
        .findAny(orgId, channelId)
        .ifPresent(channel -> {
          List<Long> members =
              channel.kind().equals("public")
                  ? List.of()
                  : channels.members(orgId, channelId).stream()
                      .map(Channels.ChannelMember::userId)
                      .toList();
          for (String topic : lifecycleTopics(orgId, channel.kind(), members)) {
            Map<String, Object> payload = new HashMap<>();
            payload.put("channelId", channel.id());
            payload.put("name", channel.name());
            payload.put("kind", channel.kind());
            payload.put("topic", channel.topic());
            payload.put("archived", channel.archivedAt() != null);
            if (channel.projectId() != null) {
              payload.put("projectId", channel.projectId());
            }
            publish(orgId, topic, type, payload);
          }
        });
  }

  private static List<String> lifecycleTopics(long orgId, String kind, List<Long> members) {
    return kind.equals("public")
        ? List.of(orgTopic(orgId))
        : members.stream().map(ChannelEvents::userTopic).toList();
  }

  // The one place chat hands durable events to the bus (logged, replayed after a reconnect).
  private void publish(long orgId, String topic, String type, Map<String, Object> payload) {
    payload.put("orgId", orgId);
    bus.publish(orgId, topic, type, payload);
  }

  // Typing is stale by the time anyone reconnects: live only, never logged.
  private void signal(long orgId, String topic, String type, Map<String, Object> payload) {
    payload.put("orgId", orgId);
    bus.signal(orgId, topic, type, payload);
  }

  private static Map<String, Object> member(long channelId, long userId) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("channelId", channelId);
    payload.put("userId", userId);
    return payload;
  }

  private static Map<String, Object> base(long messageId, @Nullable Long threadId) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("messageId", messageId);
    if (threadId != null) {
      payload.put("threadId", threadId);
    }
    return payload;
  }
}
