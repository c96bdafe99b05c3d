package dev.atelier.chat;

/**
 * Someone took back a reaction. Published as a Spring application event after the change is stored,
 * for the channel's readers to hear of it as they heard of the reaction.
 */
public record ReactionRemoved(
    long orgId, long channelId, long messageId, long userId, String emoji) {}
