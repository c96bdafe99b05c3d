package dev.atelier.chat;

/** Someone left a channel or was removed from it. Published after the change is stored. */
public record MemberLeft(long orgId, long channelId, long userId) {}
