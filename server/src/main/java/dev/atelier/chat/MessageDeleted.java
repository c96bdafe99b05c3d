package dev.atelier.chat;

import org.jspecify.annotations.Nullable;

/**
 * A message was soft-deleted; its body leaves listings and search. Published as a Spring
 * application event after the change is stored, for the {@code events} module to deliver to the
 * channel's readers.
 */
public record MessageDeleted(long orgId, long channelId, long messageId, @Nullable Long threadId) {}
