package dev.atelier.audit.internal.web;

import dev.atelier.audit.AuditEntry;
import dev.atelier.audit.AuditQuery;
import dev.atelier.audit.internal.AuditTrail;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.PlatformError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of the caller's org, newest first, a page at a time. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "Who changed what, and security events")
class AuditController {

  private static final int MAX_LIMIT = 500;

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  /** One page: the entries and the cursor of the next (older) page, if there is one. */
  record AuditPage(List<AuditEntry> entries, @Nullable Long nextBefore) {}

  @GetMapping
  @Operation(
      summary = "Audit entries of the org, newest first",
      description =
          "Filters: entityType, userId, action, from and to (ISO-8601 instants). Paging: pass"
              + " nextBefore back as before.")
  AuditPage list(
      @RequestParam(required = false) @Nullable String entityType,
      @RequestParam(required = false) @Nullable String userId,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable Long before,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
    }
    List<AuditEntry> entries =
        trail.list(
            Caller.current().orgId(),
            new AuditQuery(
                entityType,
                userId,
                action,
                instant("from", from),
                instant("to", to),
                before,
                limit));
    Long next = entries.size() == limit ? entries.get(entries.size() - 1).id() : null;
    return new AuditPage(entries, next);
  }

  private static @Nullable Instant instant(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST,
          name + " must be an ISO-8601 instant such as 2026-12-07T10:00:00Z");
    }
  }
}
