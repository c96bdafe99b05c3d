package dev.atelier.chat.internal.web;

import dev.atelier.chat.internal.Channels;
import dev.atelier.events.TopicAccess;
import org.springframework.stereotype.Component;

/**
 * {@code channel:ID} topics are read by those who may read the channel: its org's members for a
 * public one, its members for a private or direct one.
 */
@Component
class ChannelTopics implements TopicAccess {

  private final Channels channels;

  ChannelTopics(Channels channels) {
    this.channels = channels;
  }

  @Override
  public String kind() {
    return "channel";
  }

  @Override
  public boolean mayRead(long orgId, long userId, String key) {
    try {
      return channels.find(orgId, Long.parseLong(key), userId).isPresent();
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
