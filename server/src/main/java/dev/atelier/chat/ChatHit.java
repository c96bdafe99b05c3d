package dev.atelier.chat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message found by search; the snippet marks the matched words with {@code <mark>}. */
public record ChatHit(
    long messageId,
    long channelId,
    String channelName,
    @Nullable Long threadId,
    long authorId,
    String authorName,
    String authorType,
    Instant createdAt,
    String snippet) {}
