package dev.atelier.chat;

/**
 * Someone reacted to a message. Published as a Spring application event after the change is stored,
 * for the {@code events} module to deliver to the channel's readers.
 */
public record ReactionAdded(
    long orgId, long channelId, long messageId, long userId, String emoji) {}
