package dev.atelier.chat;

import java.util.List;

/**
 * A channel was deleted with its messages; {@code memberIds} are who was in it, since the channel
 * can no longer be asked. Published as a Spring application event after the change is stored.
 */
public record ChannelDeleted(long orgId, long channelId, String kind, List<Long> memberIds) {

  public ChannelDeleted {
    memberIds = List.copyOf(memberIds);
  }
}
