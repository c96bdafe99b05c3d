package dev.atelier.chat;

import org.jspecify.annotations.Nullable;

/**
 * A channel as the caller sees it through {@link ChatTools}.
 *
 * @param unread the caller's unread messages, where read markers are kept (null until then)
 */
public record ChatChannel(
    long id,
    String name,
    String kind,
    String topic,
    @Nullable Long projectId,
    boolean member,
    boolean archived,
    @Nullable Long unread) {}
