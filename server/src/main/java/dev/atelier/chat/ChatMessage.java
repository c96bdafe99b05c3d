package dev.atelier.chat;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message as {@link ChatTools} answers it: its body is the Markdown as posted (null once
 * deleted), with its author's display name and reactions counted by emoji.
 */
public record ChatMessage(
    long id,
    long channelId,
    @Nullable Long threadId,
    long authorId,
    String authorName,
    String authorType,
    @Nullable String body,
    int version,
    Instant createdAt,
    @Nullable Instant editedAt,
    int replyCount,
    @Nullable Instant lastReplyAt,
    Map<String, Integer> reactions) {

  public ChatMessage {
    reactions = Map.copyOf(reactions);
  }

  public boolean deleted() {
    return body == null;
  }
}
