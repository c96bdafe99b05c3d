package dev.atelier.mcp.tools;

import dev.atelier.audit.AuditEntry;
import dev.atelier.audit.AuditQuery;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TeamCall;
import dev.atelier.mcp.TeamTool;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import dev.atelier.platform.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** {@code list_audit}: the org's audit trail, newest first, for its admins. */
public final class ListAuditTool implements TeamTool {

  private static final int DEFAULT_TOKENS = 3000;
  private static final int VALUES_CHARS = 200;

  @Override
  public String name() {
    return "list_audit";
  }

  @Override
  public String description() {
    return "List the org's audit log, newest first (org admins and owners only): who did what to"
        + " which entity, with old and new values. Filters: action (e.g. created, updated,"
        + " deleted), actor (a user id), entity (an entity type, e.g. message, channel), from/to"
        + " (ISO-8601 instants); page with the answer's 'before' cursor.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("action", "only this action, e.g. created", false)
        .string("actor", "only entries by this user id", false)
        .string("entity", "only this entity type, e.g. message", false)
        .string("from", "only entries at or after this instant (ISO-8601)", false)
        .string("to", "only entries before this instant (ISO-8601)", false)
        .string("before", "only entries older than this entry id (paging)", false)
        .integer("limit", "how many entries at most (default 50)", 1, 500)
        .maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(TeamCall call) {
    if (!call.caller().role().atLeast(Role.ADMIN)) {
      throw new AtelierException(
          PlatformError.FORBIDDEN,
          "list_audit is for the org's admins and owners; your role is "
              + call.caller().role().name().toLowerCase(java.util.Locale.ROOT));
    }
    var arguments = call.arguments();
    int limit = arguments.integer("limit", 50, 1, 500);
    List<AuditEntry> entries =
        call.audit()
            .list(
                call.caller().orgId(),
                new AuditQuery(
                    arguments.optionalString("entity").orElse(null),
                    arguments.optionalString("actor").orElse(null),
                    arguments.optionalString("action").orElse(null),
                    ChatLines.instant(arguments, "from"),
                    ChatLines.instant(arguments, "to"),
                    ChatLines.id(arguments, "before").orElse(null),
                    limit));
    TextBudget text = call.budget(DEFAULT_TOKENS);
    if (entries.isEmpty()) {
      text.line("no audit entries match");
    }
    List<Map<String, Object>> structured = new ArrayList<>();
    for (AuditEntry entry : entries) {
      String line =
          "#"
              + entry.id()
              + " "
              + entry.createdAt()
              + " "
              + (entry.userId() == null
                  ? entry.actorType()
                  : entry.actorType() + " " + entry.userId())
              + " "
              + entry.action()
              + " "
              + entry.entityType()
              + (entry.entityId() == null ? "" : " " + entry.entityId())
              + values(" old=", entry.oldValues())
              + values(" new=", entry.newValues());
      if (!text.line(line)) {
        break;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("id", entry.id());
      fields.put("createdAt", entry.createdAt().toString());
      fields.put("actorType", entry.actorType());
      if (entry.userId() != null) {
        fields.put("userId", entry.userId());
      }
      fields.put("action", entry.action());
      fields.put("entityType", entry.entityType());
      if (entry.entityId() != null) {
        fields.put("entityId", entry.entityId());
      }
      if (entry.oldValues() != null) {
        fields.put("oldValues", entry.oldValues().toString());
      }
      if (entry.newValues() != null) {
        fields.put("newValues", entry.newValues().toString());
      }
      structured.add(fields);
    }
    Long next = entries.size() == limit ? entries.getLast().id() : null;
    if (next != null) {
      text.line("older entries: before=" + next);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("entries", structured);
    if (next != null) {
      answer.put("nextBefore", next);
    }
    return ToolAnswer.of(text.toString(), answer);
  }

  // Values can be whole message bodies: a line shows their start, structured content all of it.
  private static String values(String label, @org.jspecify.annotations.Nullable JsonNode values) {
    if (values == null) {
      return "";
    }
    String json = Objects.toString(values).replace('\n', ' ');
    return label + (json.length() <= VALUES_CHARS ? json : json.substring(0, VALUES_CHARS) + "...");
  }
}
