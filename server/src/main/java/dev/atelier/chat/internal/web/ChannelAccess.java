package dev.atelier.chat.internal.web;

import dev.atelier.chat.ChatError;
import dev.atelier.chat.internal.Channels;
import dev.atelier.chat.internal.Messages;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.Role;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what a caller may see and change in chat: a channel they may not read,
 * and any message in it, is "not found" (a private channel's existence is not revealed).
 */
@Component
class ChannelAccess {

  private final Channels channels;
  private final Messages messages;

  ChannelAccess(Channels channels, Messages messages) {
    this.channels = channels;
    this.messages = messages;
  }

  Channels.Channel readable(long channelId, Caller caller) {
    return channels
        .find(caller.orgId(), channelId, caller.userId())
        .orElseThrow(
            () -> new AtelierException(ChatError.CHANNEL_NOT_FOUND, "no channel " + channelId));
  }

  /** A live channel the caller may post in. */
  Channels.Channel writable(long channelId, Caller caller) {
    Channels.Channel channel = readable(channelId, caller);
    if (channel.archivedAt() != null) {
      throw new AtelierException(ChatError.CHANNEL_ARCHIVED, "the channel is archived");
    }
    return channel;
  }

  /** A message that is not deleted, in a channel the caller may read. */
  Messages.Message liveMessage(long messageId, Caller caller) {
    Messages.Message message =
        messages
            .find(caller.orgId(), messageId)
            .filter(m -> m.deletedAt() == null)
            .orElseThrow(
                () -> new AtelierException(ChatError.MESSAGE_NOT_FOUND, "no message " + messageId));
    try {
      readable(message.channelId(), caller);
    } catch (AtelierException unreadable) {
      throw new AtelierException(ChatError.MESSAGE_NOT_FOUND, "no message " + messageId);
    }
    return message;
  }

  static boolean isAdmin(Caller caller) {
    return caller.role().atLeast(Role.ADMIN);
  }

  static void require(boolean allowed, String why) {
    if (!allowed) {
      throw new AtelierException(ChatError.FORBIDDEN, why);
    }
  }
}
