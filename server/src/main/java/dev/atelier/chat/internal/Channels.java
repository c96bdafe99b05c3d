package dev.atelier.chat.internal;

import dev.atelier.chat.ChatError;
import dev.atelier.identity.OrgDirectory;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Channels of an org and their members. Every read takes the reader: a private or direct channel is
 * found only by its members, so its existence is not revealed to anyone else.
 */
public final class Channels {

  public record Channel(
      long id,
      long orgId,
      @Nullable Long projectId,
      String name,
      String kind,
      String topic,
      long createdBy,
      Instant createdAt,
      @Nullable Instant archivedAt,
      boolean member,
      @Nullable Long lastReadId,
      @Nullable Instant lastMessageAt,
      int unreadCount,
      int mentionCount) {}

  public record ChannelMember(long userId, String displayName, Instant joinedAt) {}

  /** Who may read a channel, as SQL over a channel aliased {@code c}; binds the reader's id. */
  static final String READABLE_BY =
      "(c.kind = 'public' or exists (select 1 from channel_members r where r.org_id = c.org_id"
          + " and r.channel_id = c.id and r.user_id = ?))";

  /** Unread counts stop here: "1000" reads as "a lot" and the count stays an index range. */
  public static final int MAX_UNREAD = 1000;

  // Binds the reader once; no read state (for access checks, which run on every request).
  private static final String SELECT =
      "select c.*, exists (select 1 from channel_members m where m.org_id = c.org_id and"
          + " m.channel_id = c.id and m.user_id = ?) as is_member, cast(null as bigint) as"
          + " last_read_id, cast(null as bigint) as last_message_at, 0 as unread_count, 0 as"
          + " mention_count from channels c";

  // Binds the reader five times: the read state of every channel in one statement. Unread are the
  // messages (roots and replies) after the marker that others wrote and that are not deleted,
  // counted for members only; mentions count in every channel the reader may read.
  private static final String SELECT_WITH_READS =
      "select c.*, (j.user_id is not null) as is_member, r.last_read_id, (select x.created_at"
          + " from messages x where x.org_id = c.org_id and x.channel_id = c.id and x.deleted_at"
          + " is null order by x.id desc limit 1) as last_message_at, case when j.user_id is null"
          + " then 0 else (select count(*) from (select 1 from messages x where x.org_id ="
          + " c.org_id and x.channel_id = c.id and x.id > coalesce(r.last_read_id, 0) and"
          + " x.author_id <> ? and x.deleted_at is null limit "
          + MAX_UNREAD
          + ") u) end as unread_count, (select count(*) from message_mentions mm join messages x"
          + " on x.org_id = mm.org_id and x.id = mm.message_id where mm.org_id = c.org_id and"
          + " mm.user_id = ? and mm.channel_id = c.id and mm.message_id > coalesce(r.last_read_id,"
          + " 0) and x.author_id <> ? and x.deleted_at is null) as mention_count from channels c"
          + " left join channel_members j on j.org_id = c.org_id and j.channel_id = c.id and"
          + " j.user_id = ? left join channel_reads r on r.org_id = c.org_id and r.channel_id ="
          + " c.id and r.user_id = ?";

  private final Sql sql;
  private final Clock clock;
  private final OrgDirectory directory;

  public Channels(Database database, Clock clock, OrgDirectory directory) {
    this.directory = directory;
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
  }

  public static String name(@Nullable String name) {
    String chosen = name == null ? "" : name.strip();
    if (chosen.isEmpty()
        || chosen.length() > 80
        || chosen.chars().anyMatch(Character::isISOControl)) {
      throw new AtelierException(
          ChatError.INVALID_CHANNEL, "a channel name is 1 to 80 printable characters");
    }
    return chosen;
  }

  public static String topic(@Nullable String topic) {
    String chosen = topic == null ? "" : topic.strip();
    if (chosen.length() > 1000) {
      throw new AtelierException(ChatError.INVALID_CHANNEL, "a topic has at most 1,000 characters");
    }
    return chosen;
  }

  public static String kind(@Nullable String kind) {
    String chosen = kind == null ? "public" : kind;
    if (!List.of("public", "private", "direct").contains(chosen)) {
      throw new AtelierException(
          ChatError.INVALID_CHANNEL, "a channel's kind is public, private or direct");
    }
    return chosen;
  }

  /** Makes a channel with its creator and {@code members} as members. */
  public Channel create(
      long orgId,
      @Nullable Long projectId,
      String name,
      String kind,
      String topic,
      long createdBy,
      Collection<Long> members) {
    return BusyRetry.call(() ->
        sql.inTransaction(() -> {
          if (projectId != null && !projectExists(orgId, projectId)) {
            throw new AtelierException(ChatError.INVALID_CHANNEL, "no project " + projectId);
          }
          if (nameTaken(orgId, name, null)) {
            throw new AtelierException(
                ChatError.CHANNEL_EXISTS, "the org has a channel named '" + name + "'");
          }
          long id =
              sql.jdbc()
                  .sql(
                      "insert into channels (org_id, project_id, name, kind, topic, created_by,"
                          + " created_at) values (?, ?, ?, ?, ?, ?, ?) returning id")
                  .params(
                      Arrays.<@Nullable Object>asList(
                          orgId, projectId, name, kind, topic, createdBy, clock.millis()))
                  .query(Long.class)
                  .single();
          addMember(orgId, id, createdBy);
          for (long member : members) {
            if (member != createdBy) {
              addMember(orgId, id, member);
            }
          }
          return find(orgId, id, createdBy).orElseThrow();
        }));
  }

  /**
   * The channels {@code reader} may read (the org's public ones and those they are in), each with
   * the reader's read state, in one statement.
   */
  public List<Channel> list(long orgId, long reader, @Nullable Long projectId) {
    List<Object> params =
        new java.util.ArrayList<>(List.of(reader, reader, reader, reader, reader, orgId, reader));
    if (projectId != null) {
      params.add(projectId);
    }
    return sql.jdbc()
        .sql(
            SELECT_WITH_READS
                + " where c.org_id = ? and "
                + READABLE_BY
                + (projectId == null ? "" : " and c.project_id = ?")
                + " order by c.name")
        .params(params)
        .query(this::channel)
        .list();
  }

  /** The channel with the reader's read state, if the reader may read it. */
  public Optional<Channel> withReads(long orgId, long id, long reader) {
    return sql.jdbc()
        .sql(SELECT_WITH_READS + " where c.org_id = ? and c.id = ? and " + READABLE_BY)
        .params(reader, reader, reader, reader, reader, orgId, id, reader)
        .query(this::channel)
        .optional();
  }

  /** The org's channel of this name, whoever may read it (direct conversations are found again). */
  public Optional<Long> idByName(long orgId, String name) {
    return sql.jdbc()
        .sql("select id from channels where org_id = ? and name = ?")
        .params(orgId, name)
        .query(Long.class)
        .optional();
  }

  /**
   * Moves the reader's marker to {@code messageId} if that is further than where it is; true when
   * it moved. The caller checks the message is in the channel.
   */
  public boolean markRead(long orgId, long channelId, long userId, long messageId) {
    return BusyRetry.call(() ->
        sql.jdbc()
            .sql(
                "insert into channel_reads (org_id, channel_id, user_id, last_read_id,"
                    + " updated_at) values (?, ?, ?, ?, ?) on conflict (channel_id, user_id)"
                    + " do update set last_read_id = excluded.last_read_id, updated_at ="
                    + " excluded.updated_at where excluded.last_read_id >"
                    + " channel_reads.last_read_id")
            .params(orgId, channelId, userId, messageId, clock.millis())
            .update())
        > 0;
  }

  /** The newest message id of a channel (deleted or not), if it has any. */
  public Optional<Long> latestMessageId(long orgId, long channelId) {
    return sql.jdbc()
        .sql("select id from messages where org_id = ? and channel_id = ? order by id desc limit 1")
        .params(orgId, channelId)
        .query(Long.class)
        .optional();
  }

  /** The channel if {@code reader} may read it; else empty, as if it did not exist. */
  public Optional<Channel> find(long orgId, long id, long reader) {
    return sql.jdbc()
        .sql(SELECT + " where c.org_id = ? and c.id = ? and " + READABLE_BY)
        .params(reader, orgId, id, reader)
        .query(this::channel)
        .optional();
  }

  /** The channel whoever reads it, for work done after a change (events); never for a request. */
  public Optional<Channel> findAny(long orgId, long id) {
    return sql.jdbc()
        .sql(SELECT + " where c.org_id = ? and c.id = ?")
        .params(0L, orgId, id)
        .query(this::channel)
        .optional();
  }

  public Channel update(
      long orgId, long id, long reader, String name, String topic, boolean archived) {
    return BusyRetry.call(() ->
        sql.inTransaction(() -> {
          if (nameTaken(orgId, name, id)) {
            throw new AtelierException(
                ChatError.CHANNEL_EXISTS, "the org has a channel named '" + name + "'");
          }
          Channel before = find(orgId, id, reader).orElseThrow();
          Long archivedAt =
              archived
                  ? (before.archivedAt() == null
                      ? clock.millis()
                      : before.archivedAt().toEpochMilli())
                  : null;
          sql.jdbc()
              .sql(
                  "update channels set name = ?, topic = ?, archived_at = ? where org_id = ? and id"
                      + " = ?")
              .params(Arrays.<@Nullable Object>asList(name, topic, archivedAt, orgId, id))
              .update();
          return find(orgId, id, reader).orElseThrow();
        }));
  }

  /** Deletes a channel with its messages (which leave the search index with them). */
  public void delete(long orgId, long id) {
    sql.jdbc().sql("delete from channels where org_id = ? and id = ?").params(orgId, id).update();
  }

  public List<ChannelMember> members(long orgId, long channelId) {
    record Row(long userId, long since) {}
    List<Row> rows =
        sql.jdbc()
            .sql(
                "select user_id, created_at from channel_members where org_id = ? and channel_id"
                    + " = ? order by user_id")
            .params(orgId, channelId)
            .query((r, n) -> new Row(r.getLong(1), r.getLong(2)))
            .list();
    Map<Long, String> names = directory.displayNames(rows.stream().map(Row::userId).toList());
    return rows.stream()
        .map(row ->
            new ChannelMember(
                row.userId(),
                names.getOrDefault(row.userId(), "Unknown user"),
                Instant.ofEpochMilli(row.since())))
        .toList();
  }

  public boolean isMember(long orgId, long channelId, long userId) {
    return sql.jdbc()
            .sql(
                "select count(*) from channel_members where org_id = ? and channel_id = ? and"
                    + " user_id = ?")
            .params(orgId, channelId, userId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether {@code userId} belongs to the org (only its members can join its channels). */
  public boolean isOrgMember(long orgId, long userId) {
    return directory.isMember(orgId, userId);
  }

  public void addMember(long orgId, long channelId, long userId) {
    sql.jdbc()
        .sql(
            "insert into channel_members (org_id, channel_id, user_id, created_at) values (?, ?,"
                + " ?, ?)")
        .params(orgId, channelId, userId, clock.millis())
        .update();
  }

  public boolean removeMember(long orgId, long channelId, long userId) {
    return sql.jdbc()
            .sql("delete from channel_members where org_id = ? and channel_id = ? and user_id = ?")
            .params(orgId, channelId, userId)
            .update()
        > 0;
  }

  private boolean projectExists(long orgId, long projectId) {
    return directory.hasProject(orgId, projectId);
  }

  private boolean nameTaken(long orgId, String name, @Nullable Long except) {
    return sql.jdbc()
        .sql("select id from channels where org_id = ? and name = ?")
        .params(orgId, name)
        .query(Long.class)
        .optional()
        .filter(id -> !id.equals(except))
        .isPresent();
  }

  private Channel channel(ResultSet rows, int n) throws SQLException {
    Long archived = Sql.nullableLong(rows, "archived_at");
    Long lastMessage = Sql.nullableLong(rows, "last_message_at");
    return new Channel(
        rows.getLong("id"),
        rows.getLong("org_id"),
        Sql.nullableLong(rows, "project_id"),
        rows.getString("name"),
        rows.getString("kind"),
        rows.getString("topic"),
        rows.getLong("created_by"),
        Instant.ofEpochMilli(rows.getLong("created_at")),
        archived == null ? null : Instant.ofEpochMilli(archived),
        rows.getBoolean("is_member"),
        Sql.nullableLong(rows, "last_read_id"),
        lastMessage == null ? null : Instant.ofEpochMilli(lastMessage),
        rows.getInt("unread_count"),
        rows.getInt("mention_count"));
  }
}
