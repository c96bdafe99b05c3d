package dev.atelier.chat;

/**
 * A channel was made; private and direct ones are seen by their members only. Published as a Spring
 * application event after the change is stored, for the {@code events} module to deliver to the
 * channel's readers.
 */
public record ChannelCreated(long orgId, long channelId, String kind) {}
