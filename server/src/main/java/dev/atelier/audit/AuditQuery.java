package dev.atelier.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What to read of an org's audit trail, newest first: every filter optional; {@code before} is the
 * cursor (an entry id) of the next, older page.
 */
public record AuditQuery(
    @Nullable String entityType,
    @Nullable String userId,
    @Nullable String action,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable Long before,
    int limit) {}
