package dev.atelier.chat.internal.web;

import dev.atelier.chat.MessageDeleted;
import dev.atelier.chat.MessageEdited;
import dev.atelier.chat.MessagePosted;
import dev.atelier.chat.ReactionAdded;
import dev.atelier.chat.internal.Messages;
import dev.atelier.events.EventBus;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Streams chat's changes to the readers of a channel, on its topic {@code channel:ID}, with seed
 * 004's wire types: {@code newMessage}, {@code messageEdited}, {@code messageDeleted}, {@code
 * reactionAdded}. Who may subscribe is {@link ChannelTopics}' decision.
 */
@Component
class ChannelEvents {

  private final EventBus bus;
  private final Messages messages;

  ChannelEvents(EventBus bus, Messages messages) {
    this.bus = bus;
    this.messages = messages;
  }

  static String topic(long channelId) {
    return "channel:" + channelId;
  }

  @EventListener
  void posted(MessagePosted posted) {
    messages
        .find(posted.orgId(), posted.messageId())
        .ifPresent(message -> {
          Map<String, Object> payload = base(posted.orgId(), message.id(), message.threadId());
          payload.put("channelId", message.channelId());
          payload.put("authorId", message.authorId());
          payload.put("authorType", message.authorType());
          payload.put("body", String.valueOf(message.body()));
          payload.put("createdAt", message.createdAt().toString());
          bus.publish(posted.orgId(), topic(message.channelId()), "newMessage", payload);
        });
  }

  @EventListener
  void edited(MessageEdited edited) {
    messages
        .find(edited.orgId(), edited.messageId())
        .ifPresent(message -> {
          Map<String, Object> payload = base(edited.orgId(), message.id(), message.threadId());
          payload.put("version", edited.version());
          payload.put("body", String.valueOf(message.body()));
          bus.publish(edited.orgId(), topic(edited.channelId()), "messageEdited", payload);
        });
  }

  @EventListener
  void deleted(MessageDeleted deleted) {
    bus.publish(
        deleted.orgId(),
        topic(deleted.channelId()),
        "messageDeleted",
        base(deleted.orgId(), deleted.messageId(), deleted.threadId()));
  }

  @EventListener
  void reacted(ReactionAdded reaction) {
    Map<String, Object> payload = base(reaction.orgId(), reaction.messageId(), null);
    payload.put("userId", reaction.userId());
    payload.put("emoji", reaction.emoji());
    bus.publish(reaction.orgId(), topic(reaction.channelId()), "reactionAdded", payload);
  }

  private static Map<String, Object> base(long orgId, long messageId, @Nullable Long threadId) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("orgId", orgId);
    payload.put("messageId", messageId);
    if (threadId != null) {
      payload.put("threadId", threadId);
    }
    return payload;
  }
}
