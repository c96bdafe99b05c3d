package dev.atelier.chat;

import org.jspecify.annotations.Nullable;

/**
 * A message was posted (a root or a reply in a thread). Published as a Spring application event
 * after the change is stored, for the {@code events} module to deliver to the channel's readers.
 */
public record MessagePosted(
    long orgId, long channelId, long messageId, @Nullable Long threadId, long authorId) {}
