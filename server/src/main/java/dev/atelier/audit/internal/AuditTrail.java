package dev.atelier.audit.internal;

import dev.atelier.audit.AuditEntry;
import dev.atelier.audit.AuditEvent;
import dev.atelier.audit.AuditLog;
import dev.atelier.audit.AuditQuery;
import dev.atelier.platform.Caller;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one row per {@link AuditEvent}, on the publishing thread (so the request's caller, id and
 * address are still known), and reads rows back newest first. There is no update or delete path;
 * the database refuses both.
 */
@Component
public class AuditTrail implements AuditLog {

  private final Sql sql;
  private final JsonMapper json = JsonMapper.builder().build();

  public AuditTrail(DataSource dataSource, dev.atelier.platform.Database database) {
    this.sql = new Sql(dataSource, database.vendor());
  }

  @EventListener
  @Override
  public void record(AuditEvent event) {
    Actor actor = Actor.current(event.actorId(), event.actorType());
    String cast = sql.vendor() == DatabaseVendor.POSTGRESQL ? "::jsonb" : "";
    sql.jdbc()
        .sql(
            "insert into audit_log (org_id, entity_type, entity_id, user_id, actor_type, action,"
                + " old_values, new_values, request_id, ip) values (?, ?, ?, ?, ?, ?, ?"
                + cast
                + ", ?"
                + cast
                + ", ?, ?)")
        .params(
            values(
                event.orgId(),
                event.entityType(),
                event.entityId(),
                actor.userId(),
                actor.type(),
                event.action(),
                jsonOrNull(event.oldValues()),
                jsonOrNull(event.newValues()),
                MDC.get("requestId"),
                actor.ip()))
        .update();
  }

  // JDBC parameters may be null (SQL NULL); List.of refuses nulls.
  private static List<@Nullable Object> values(@Nullable Object... values) {
    List<@Nullable Object> list = new ArrayList<>(values.length);
    for (Object value : values) {
      list.add(value);
    }
    return list;
  }

  @Override
  public List<AuditEntry> list(long orgId, AuditQuery filter) {
    StringBuilder where = new StringBuilder("org_id = ?");
    List<Object> params = new ArrayList<>(List.of(orgId));
    if (filter.entityType() != null) {
      where.append(" and entity_type = ?");
      params.add(filter.entityType());
    }
    if (filter.userId() != null) {
      where.append(" and user_id = ?");
      params.add(filter.userId());
    }
    if (filter.action() != null) {
      where.append(" and action = ?");
      params.add(filter.action());
    }
    if (filter.from() != null) {
      where.append(" and created_at >= ?");
      params.add(timestamp(filter.from()));
    }
    if (filter.to() != null) {
      where.append(" and created_at < ?");
      params.add(timestamp(filter.to()));
    }
    if (filter.before() != null) {
      where.append(" and id < ?");
      params.add(filter.before());
    }
    params.add(filter.limit());
    return sql.jdbc()
        .sql(
            "select id, org_id, entity_type, entity_id, user_id, actor_type, action,"
                + " old_values, new_values, request_id, ip, created_at from audit_log where "
                + where
                + " order by id desc limit ?")
        .params(params)
        .query(this::entry)
        .list();
  }

  /**
   * Deletes the entries older than {@code cutoff} (the retention), the one deletion the database
   * lets through: the cut-off is recorded for the triggers and removed in the same transaction.
   */
  public int purgeOlderThan(Instant cutoff) {
    Object before =
        sql.vendor() == DatabaseVendor.POSTGRESQL
            ? java.sql.Timestamp.from(cutoff)
            : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(cutoff);
    return sql.inTransaction(() -> {
      sql.jdbc().sql("insert into audit_purges (before_created) values (?)").param(before).update();
      int deleted =
          sql.jdbc().sql("delete from audit_log where created_at < ?").param(before).update();
      sql.jdbc().sql("delete from audit_purges").update();
      return deleted;
    });
  }

  // SQLite keeps ISO-8601 text (sortable as text); PostgreSQL a timestamptz.
  private Object timestamp(Instant instant) {
    return sql.vendor() == DatabaseVendor.POSTGRESQL
        ? java.sql.Timestamp.from(instant)
        : instant.toString();
  }

  private AuditEntry entry(ResultSet rows, int number) throws SQLException {
    return new AuditEntry(
        rows.getLong("id"),
        rows.getLong("org_id"),
        rows.getString("entity_type"),
        rows.getString("entity_id"),
        rows.getString("user_id"),
        rows.getString("actor_type"),
        rows.getString("action"),
        tree(rows.getString("old_values")),
        tree(rows.getString("new_values")),
        rows.getString("request_id"),
        rows.getString("ip"),
        sql.vendor() == DatabaseVendor.POSTGRESQL
            ? rows.getObject("created_at", OffsetDateTime.class).toInstant()
            : Instant.parse(rows.getString("created_at")));
  }

  private @Nullable JsonNode tree(@Nullable String text) {
    return text == null ? null : json.readTree(text);
  }

  private @Nullable String jsonOrNull(Map<String, ?> values) {
    return values.isEmpty() ? null : json.writeValueAsString(SecretRedaction.redact(values));
  }

  /** Who acted, from the request the event is published in; the system outside any request. */
  private record Actor(@Nullable String userId, String type, @Nullable String ip) {

    static Actor current(@Nullable Long actorId, @Nullable String actorType) {
      String ip = null;
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
        ip = request.getRequest().getRemoteAddr();
      }
      if (actorId != null) {
        return new Actor(Long.toString(actorId), actorType == null ? "user" : actorType, ip);
      }
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
        String type =
            switch (caller.credential()) {
              case SESSION, INSTALL_TOKEN, ACCESS_TOKEN -> "user";
              case API_KEY -> "api_key";
              case AGENT_KEY -> "agent";
            };
        return new Actor(caller.subject(), type, ip);
      }
      return new Actor(null, "system", ip);
    }
  }
}
