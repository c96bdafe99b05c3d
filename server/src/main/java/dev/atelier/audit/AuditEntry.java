package dev.atelier.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One row of the audit trail as it is read back. */
public record AuditEntry(
    long id,
    long orgId,
    String entityType,
    @Nullable String entityId,
    @Nullable String userId,
    String actorType,
    String action,
    @Nullable JsonNode oldValues,
    @Nullable JsonNode newValues,
    @Nullable String requestId,
    @Nullable String ip,
    Instant createdAt) {}
