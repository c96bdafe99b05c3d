package dev.atelier.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Messages of a channel (its roots) or of a thread (its replies), oldest first; {@code nextBefore}
 * is the cursor of the older page, if there is one.
 */
public record ChatPage(
    ChatChannel channel,
    @Nullable ChatMessage root,
    List<ChatMessage> messages,
    @Nullable Long nextBefore) {

  public ChatPage {
    messages = List.copyOf(messages);
  }
}
