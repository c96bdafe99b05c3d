package dev.atelier.chat;

/**
 * A channel was renamed, given a topic, archived or unarchived. Published as a Spring application
 * event after the change is stored.
 */
public record ChannelUpdated(long orgId, long channelId) {}
