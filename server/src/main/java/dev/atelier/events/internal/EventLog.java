package dev.atelier.events.internal;

import static java.util.Objects.requireNonNull;

import dev.atelier.events.Event;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The persisted, bounded replay log of durable events ({@code event_log}): appended on publish,
 * read when a client reconnects with {@code Last-Event-ID}, pruned by age and size.
 */
public final class EventLog {

  /** Most events one replay hands out; a client further behind is told to resync. */
  static final int MAX_REPLAY = 5_000;

  // Any constant: PostgreSQL appends serialise on it so ids commit in the order they were taken.
  private static final long APPEND_LOCK = 0x61746c_6576L;

  /** What a reconnecting subscriber missed. */
  public record Replay(List<Event> events, boolean gap) {}

  private final Sql sql;

  public EventLog(Sql sql) {
    this.sql = requireNonNull(sql, "sql is null");
  }

  /**
   * Appends an event and answers it with its id. Inside the caller's transaction when there is one,
   * so an event commits (or not) with the change it reports.
   */
  public Event append(Event event) {
    return sql.inTransaction(() -> {
      if (sql.vendor() == DatabaseVendor.POSTGRESQL) {
        // Without it, id 7 could commit after id 8 and a client replaying after 8 would miss it.
        sql.jdbc()
            .sql("select pg_advisory_xact_lock(?)")
            .param(APPEND_LOCK)
            .query((row, n) -> 1)
            .list();
      }
      long id =
          sql.jdbc()
              .sql(
                  "insert into event_log (org_id, topic, type, payload, created_at)"
                      + " values (?, ?, ?, ?, ?) returning id")
              .params(
                  event.orgId(),
                  event.topic(),
                  event.type(),
                  event.payloadJson(),
                  event.at().toEpochMilli())
              .query(Long.class)
              .single();
      return event.withId(id);
    });
  }

  /** Logged events of {@code orgId} on {@code topics} after {@code afterId}, oldest first. */
  public Replay after(long orgId, Collection<String> topics, long afterId) {
    List<String> wanted = List.copyOf(topics);
    long horizon =
        sql.jdbc()
            .sql("select pruned_upto from event_log_horizon where only_row = 1")
            .query(Long.class)
            .optional()
            .orElse(0L);
    List<Object> params = new ArrayList<>();
    params.add(afterId);
    params.add(orgId);
    params.addAll(wanted);
    params.add(MAX_REPLAY + 1);
    List<Event> events =
        sql.jdbc()
            .sql(
                "select id, org_id, topic, type, payload, created_at from event_log where id > ?"
                    + " and org_id = ? and topic in ("
                    + "?,".repeat(wanted.size() - 1)
                    + "?) order by id limit ?")
            .params(params)
            .query((row, n) ->
                new Event(
                    row.getLong("id"),
                    row.getLong("org_id"),
                    row.getString("topic"),
                    row.getString("type"),
                    Instant.ofEpochMilli(row.getLong("created_at")),
                    row.getString("payload")))
            .list();
    boolean truncated = events.size() > MAX_REPLAY;
    List<Event> kept = truncated ? events.subList(0, MAX_REPLAY) : events;
    return new Replay(List.copyOf(kept), truncated || horizon > afterId);
  }

  /** The newest id in the log, 0 when it is empty. */
  public long lastId() {
    return sql.jdbc().sql("select coalesce(max(id), 0) from event_log").query(Long.class).single();
  }

  /**
   * Drops events older than {@code before} and all but the newest {@code keep}; answers how many
   * went. The horizon records how far the log no longer reaches.
   */
  public int prune(Instant before, int keep) {
    return sql.inTransaction(() -> {
      long byAge =
          sql.jdbc()
              .sql("select coalesce(max(id), 0) from event_log where created_at < ?")
              .param(before.toEpochMilli())
              .query(Long.class)
              .single();
      long bySize =
          sql.jdbc()
              .sql("select id from event_log order by id desc limit 1 offset ?")
              .param(keep)
              .query(Long.class)
              .optional()
              .orElse(0L);
      long upto = Math.max(byAge, bySize);
      if (upto == 0) {
        return 0;
      }
      int deleted = sql.jdbc().sql("delete from event_log where id <= ?").param(upto).update();
      sql.jdbc()
          .sql(
              "update event_log_horizon set pruned_upto = ? where only_row = 1"
                  + " and pruned_upto < ?")
          .params(upto, upto)
          .update();
      return deleted;
    });
  }
}
