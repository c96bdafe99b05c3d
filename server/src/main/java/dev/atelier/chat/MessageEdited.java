package dev.atelier.chat;

import org.jspecify.annotations.Nullable;

/**
 * A message's body was replaced; {@code version} is its new version. Published as a Spring
 * application event after the change is stored, for the {@code events} module to deliver to the
 * channel's readers.
 */
public record MessageEdited(
    long orgId, long channelId, long messageId, @Nullable Long threadId, int version) {}
