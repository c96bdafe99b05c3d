package dev.atelier.audit;

import dev.atelier.audit.internal.AuditTrail;
import dev.atelier.platform.Database;
import java.util.List;

/**
 * The audit trail as other modules may use it directly: read an org's entries, and record an event
 * where no Spring event publisher runs (the plain-Java {@code atelier mcp}).
 */
public interface AuditLog {

  /** Appends one row for the event, attributed to its actor. */
  void record(AuditEvent event);

  /** The org's entries matching the query, newest first. */
  List<AuditEntry> list(long orgId, AuditQuery query);

  /** The trail over a database outside Spring (where {@code serve} injects its bean instead). */
  static AuditLog over(Database database) {
    return new AuditTrail(database.dataSource(), database);
  }
}
