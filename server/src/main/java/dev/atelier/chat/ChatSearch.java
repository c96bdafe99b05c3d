package dev.atelier.chat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message search with the filters of {@code GET /api/search}. */
public record ChatSearch(
    String query,
    @Nullable Long channelId,
    @Nullable Long authorId,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable Boolean hasCode,
    int limit) {}
