package dev.atelier.audit;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A mutation or security event to record, published by the module it happened in (through Spring's
 * event publisher). The audit module adds who acted, the request and the address from the request
 * it is published in, redacts secrets, and appends one row.
 *
 * @param orgId the org the entity belongs to
 * @param entityType what kind of thing changed, e.g. {@code repository}, {@code session}
 * @param entityId its id, where it has one
 * @param action what happened, e.g. {@code created}, {@code login}, {@code login-failed}
 * @param oldValues the values before (empty for a creation)
 * @param newValues the values after (empty for a deletion)
 * @param actorId the acting user when the request has none yet (a sign-in); else from the request
 * @param actorType how {@code actorId} acted ({@code user}, or {@code agent} for an assistant
 *     acting for them); null takes it from the request
 */
public record AuditEvent(
    long orgId,
    String entityType,
    @Nullable String entityId,
    String action,
    Map<String, ?> oldValues,
    Map<String, ?> newValues,
    @Nullable Long actorId,
    @Nullable String actorType) {

  /** The org of install-wide security events that belong to no org (a failed sign-in). */
  public static final long NO_ORG = 0;

  public AuditEvent(
      long orgId,
      String entityType,
      @Nullable String entityId,
      String action,
      Map<String, ?> oldValues,
      Map<String, ?> newValues) {
    this(orgId, entityType, entityId, action, oldValues, newValues, null, null);
  }

  public AuditEvent {
    requireNonNull(entityType, "entityType is null");
    requireNonNull(action, "action is null");
    oldValues = Map.copyOf(oldValues);
    newValues = Map.copyOf(newValues);
  }

  /** A creation: no old values. */
  public static AuditEvent created(
      long orgId, String entityType, @Nullable String entityId, Map<String, ?> values) {
    return new AuditEvent(orgId, entityType, entityId, "created", Map.of(), values);
  }

  /** The same event, attributed to {@code userId} (who is not yet the request's caller). */
  public AuditEvent by(long userId) {
    return new AuditEvent(orgId, entityType, entityId, action, oldValues, newValues, userId, null);
  }

  /** The same event, done by an assistant (an MCP tool call) acting for {@code userId}. */
  public AuditEvent byAgentOf(long userId) {
    return new AuditEvent(
        orgId, entityType, entityId, action, oldValues, newValues, userId, "agent");
  }
}
