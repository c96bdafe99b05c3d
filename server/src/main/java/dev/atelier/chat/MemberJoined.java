package dev.atelier.chat;

/** Someone joined a channel or was added to it. Published after the change is stored. */
public record MemberJoined(long orgId, long channelId, long userId) {}
