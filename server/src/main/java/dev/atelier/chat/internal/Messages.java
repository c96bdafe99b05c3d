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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Messages of an org's channels: roots and thread replies, edits that keep every previous body,
 * soft deletes and reactions. Callers check that the reader may read the channel first; every
 * statement still names the org, so another org's message is never found.
 */
public final class Messages {

  /** Bodies are Markdown stored as given, up to this many characters (code points). */
  public static final int MAX_BODY_CHARS = 40_000;

  /** Most people one message mentions (more stay text). */
  static final int MAX_MENTIONS = 50;

  public record Reaction(String emoji, int count, List<Long> userIds) {}

  /**
   * A message as listed; a deleted one keeps its place in a thread but shows no body. {@code body}
   * is the Markdown source, {@code html} its sanitised rendering (mentions and code links made
   * links).
   */
  public record Message(
      long id,
      long channelId,
      @Nullable Long threadId,
      long authorId,
      String authorType,
      String authorName,
      @Nullable String body,
      @Nullable String html,
      int version,
      Instant createdAt,
      @Nullable Instant editedAt,
      @Nullable Instant deletedAt,
      int replyCount,
      @Nullable Instant lastReplyAt,
      List<Reaction> reactions,
      List<MessageRenderer.Mention> mentions,
      List<MessageRenderer.CodeLink> codeLinks) {

    Message completed(
        String authorName, MessageRenderer.@Nullable Rendered rendered, List<Reaction> reactions) {
      return new Message(
          id,
          channelId,
          threadId,
          authorId,
          authorType,
          authorName,
          body,
          rendered == null ? null : rendered.html(),
          version,
          createdAt,
          editedAt,
          deletedAt,
          replyCount,
          lastReplyAt,
          reactions,
          rendered == null ? List.of() : rendered.mentions(),
          rendered == null ? List.of() : rendered.codeLinks());
    }
  }

  public record MessageVersion(int version, String body, Instant createdAt, Instant replacedAt) {}

  public record Page(List<Message> messages, @Nullable Long nextBefore) {}

  private final Sql sql;
  private final Clock clock;
  private final OrgDirectory directory;
  private final MessageRenderer renderer;
  private final Function<Long, Map<String, Long>> repositories;

  /**
   * @param repositories an org's repositories by name, for code links
   */
  public Messages(
      Database database,
      Clock clock,
      OrgDirectory directory,
      MessageRenderer renderer,
      Function<Long, Map<String, Long>> repositories) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
    this.directory = directory;
    this.renderer = renderer;
    this.repositories = repositories;
  }

  public static String body(@Nullable String body) {
    if (body == null || body.isBlank()) {
      throw new AtelierException(ChatError.INVALID_MESSAGE, "a message needs a body");
    }
    if (body.length() > MAX_BODY_CHARS && body.codePointCount(0, body.length()) > MAX_BODY_CHARS) {
      throw new AtelierException(
          ChatError.MESSAGE_TOO_LONG, "a message has at most " + MAX_BODY_CHARS + " characters");
    }
    if (body.indexOf('\0') >= 0) {
      throw new AtelierException(ChatError.INVALID_MESSAGE, "a body holds no NUL character");
    }
    return body;
  }

  /** Stores a message; a reply also updates its root's reply count and latest reply. */
  public Message post(
      long orgId,
      long channelId,
      @Nullable Long threadId,
      long authorId,
      String authorType,
      String body) {
    return BusyRetry.call(() ->
        sql.inTransaction(() -> {
          long id =
              sql.jdbc()
                  .sql(
                      "insert into messages (org_id, channel_id, thread_id, author_id, author_type,"
                          + " body, created_at) values (?, ?, ?, ?, ?, ?, ?) returning id")
                  .params(
                      Arrays.<@Nullable Object>asList(
                          orgId, channelId, threadId, authorId, authorType, body, clock.millis()))
                  .query(Long.class)
                  .single();
          if (threadId != null) {
            recountReplies(orgId, threadId);
          }
          storeMentions(orgId, channelId, id, body);
          return find(orgId, id).orElseThrow();
        }));
  }

  /** The message, deleted or not; the caller checks its channel may be read. */
  public Optional<Message> find(long orgId, long id) {
    return sql.jdbc()
        .sql("select * from messages where org_id = ? and id = ?")
        .params(orgId, id)
        .query(Messages::message)
        .optional()
        .map(m -> complete(orgId, List.of(m)).getFirst());
  }

  /**
   * A page of a channel's roots, or of one thread's replies, newest first, before the message id
   * {@code before}: ids only grow, so the id is a cursor that neither skips nor repeats a message
   * while others post.
   */
  public Page page(
      long orgId, long channelId, @Nullable Long threadId, @Nullable Long before, int limit) {
    List<@Nullable Object> params = new ArrayList<>(List.of(orgId, channelId));
    StringBuilder query =
        new StringBuilder("select * from messages where org_id = ? and channel_id = ?");
    if (threadId == null) {
      query.append(" and thread_id is null");
    } else {
      query.append(" and thread_id = ?");
      params.add(threadId);
    }
    if (before != null) {
      query.append(" and id < ?");
      params.add(before);
    }
    query.append(" order by id desc limit ?");
    params.add(limit + 1);
    List<Message> rows =
        sql.jdbc().sql(query.toString()).params(params).query(Messages::message).list();
    Long next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      next = rows.getLast().id();
    }
    return new Page(complete(orgId, rows), next);
  }

  /** Replaces the body: the old one is kept in the history, the version goes up by one. */
  public Message edit(long orgId, long id, String body) {
    return BusyRetry.call(() ->
        sql.inTransaction(() -> {
          Message before = find(orgId, id).orElseThrow();
          long now = clock.millis();
          Long previousTime =
              before.editedAt() == null
                  ? before.createdAt().toEpochMilli()
                  : before.editedAt().toEpochMilli();
          sql.jdbc()
              .sql(
                  "insert into message_versions (org_id, message_id, version, body, created_at,"
                      + " replaced_at) values (?, ?, ?, ?, ?, ?)")
              .params(orgId, id, before.version(), requireBody(before), previousTime, now)
              .update();
          sql.jdbc()
              .sql(
                  "update messages set body = ?, version = version + 1, edited_at = ? where org_id ="
                      + " ? and id = ?")
              .params(body, now, orgId, id)
              .update();
          sql.jdbc()
              .sql("delete from message_mentions where org_id = ? and message_id = ?")
              .params(orgId, id)
              .update();
          storeMentions(orgId, before.channelId(), id, body);
          return find(orgId, id).orElseThrow();
        }));
  }

  public List<MessageVersion> versions(long orgId, long id) {
    return sql.jdbc()
        .sql(
            "select version, body, created_at, replaced_at from message_versions where org_id = ?"
                + " and message_id = ? order by version")
        .params(orgId, id)
        .query((rows, n) ->
            new MessageVersion(
                rows.getInt(1),
                rows.getString(2),
                Instant.ofEpochMilli(rows.getLong(3)),
                Instant.ofEpochMilli(rows.getLong(4))))
        .list();
  }

  /** Soft delete: the row stays for its thread, its body leaves listings and search. */
  public void delete(long orgId, long id) {
    BusyRetry.run(() ->
        sql.inTransaction(() -> {
          Message message = find(orgId, id).orElseThrow();
          sql.jdbc()
              .sql("update messages set deleted_at = ? where org_id = ? and id = ?")
              .params(clock.millis(), orgId, id)
              .update();
          if (message.threadId() != null) {
            recountReplies(orgId, message.threadId());
          }
        }));
  }

  /** Adds a reaction; false when this user already reacted with this emoji. */
  public boolean react(long orgId, long messageId, long userId, String emoji) {
    return BusyRetry.call(() ->
        sql.inTransaction(() -> {
          boolean exists =
              sql.jdbc()
                      .sql(
                          "select count(*) from reactions where org_id = ? and message_id = ? and"
                              + " user_id = ? and emoji = ?")
                      .params(orgId, messageId, userId, emoji)
                      .query(Long.class)
                      .single()
                  > 0;
          if (exists) {
            return false;
          }
          sql.jdbc()
              .sql(
                  "insert into reactions (org_id, message_id, user_id, emoji, created_at) values (?,"
                      + " ?, ?, ?, ?)")
              .params(orgId, messageId, userId, emoji, clock.millis())
              .update();
          return true;
        }));
  }

  public boolean unreact(long orgId, long messageId, long userId, String emoji) {
    return sql.jdbc()
            .sql(
                "delete from reactions where org_id = ? and message_id = ? and user_id = ? and"
                    + " emoji = ?")
            .params(orgId, messageId, userId, emoji)
            .update()
        > 0;
  }

  // Counted rather than incremented, so a deleted reply is no longer counted.
  private void recountReplies(long orgId, long rootId) {
    sql.jdbc()
        .sql(
            "update messages set reply_count = (select count(*) from messages r where r.org_id ="
                + " ? and r.thread_id = ? and r.deleted_at is null), last_reply_at = (select"
                + " max(r.created_at) from messages r where r.org_id = ? and r.thread_id = ? and"
                + " r.deleted_at is null) where org_id = ? and id = ?")
        .params(orgId, rootId, orgId, rootId, orgId, rootId)
        .update();
  }

  // Only members of the org are stored: another id in <@ID> stays text.
  private void storeMentions(long orgId, long channelId, long messageId, String body) {
    renderer.mentionedIds(body).stream()
        .filter(userId -> directory.isMember(orgId, userId))
        .limit(MAX_MENTIONS)
        .forEach(userId ->
            sql.jdbc()
                .sql(
                    "insert into message_mentions (org_id, channel_id, message_id, user_id) values"
                        + " (?, ?, ?, ?)")
                .params(orgId, channelId, messageId, userId)
                .update());
  }

  /** Reactions, the author's name and the rendered body, for a page at a time. */
  private List<Message> complete(long orgId, List<Message> page) {
    if (page.isEmpty()) {
      return page;
    }
    String ids = page.stream().map(m -> Long.toString(m.id())).collect(Collectors.joining(","));
    Map<Long, List<Long>> mentioned = new HashMap<>();
    sql.jdbc()
        .sql(
            "select message_id, user_id from message_mentions where org_id = ? and message_id in ("
                + ids
                + ")")
        .param(orgId)
        .query(rows -> {
          mentioned.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getLong(2));
        });
    Set<Long> people = new HashSet<>();
    page.forEach(m -> people.add(m.authorId()));
    mentioned.values().forEach(people::addAll);
    Map<Long, String> names = directory.displayNames(people);
    Map<String, Long> repos =
        page.stream().anyMatch(m -> m.body() != null && MessageRenderer.mayLinkCode(m.body()))
            ? repositories.apply(orgId)
            : Map.of();
    Map<Long, List<Reaction>> reactions = reactions(orgId, ids);
    return page.stream()
        .map(m -> {
          MessageRenderer.@Nullable Rendered rendered = null;
          if (m.body() != null) {
            Map<Long, String> members = new HashMap<>();
            for (long userId : mentioned.getOrDefault(m.id(), List.of())) {
              members.put(userId, names.getOrDefault(userId, "Unknown user"));
            }
            rendered = renderer.render(m.body(), new MessageRenderer.Context(members, repos));
          }
          return m.completed(
              names.getOrDefault(m.authorId(), "Unknown user"),
              rendered,
              reactions.getOrDefault(m.id(), List.of()));
        })
        .toList();
  }

  private Map<Long, List<Reaction>> reactions(long orgId, String ids) {
    Map<Long, Map<String, List<Long>>> byMessage = new LinkedHashMap<>();
    sql.jdbc()
        .sql(
            "select message_id, emoji, user_id from reactions where org_id = ? and message_id in ("
                + ids
                + ") order by created_at, user_id")
        .param(orgId)
        .query(rows -> {
          byMessage
              .computeIfAbsent(rows.getLong(1), k -> new LinkedHashMap<>())
              .computeIfAbsent(rows.getString(2), k -> new ArrayList<>())
              .add(rows.getLong(3));
        });
    Map<Long, List<Reaction>> reactions = new HashMap<>();
    byMessage.forEach((messageId, byEmoji) ->
        reactions.put(
            messageId,
            byEmoji.entrySet().stream()
                .map(e -> new Reaction(e.getKey(), e.getValue().size(), e.getValue()))
                .toList()));
    return reactions;
  }

  private static String requireBody(Message message) {
    if (message.body() == null) {
      throw new AtelierException(ChatError.MESSAGE_NOT_FOUND, "no message " + message.id());
    }
    return message.body();
  }

  private static Message message(ResultSet rows, int n) throws SQLException {
    Long threadId = Sql.nullableLong(rows, "thread_id");
    Long edited = Sql.nullableLong(rows, "edited_at");
    Long deleted = Sql.nullableLong(rows, "deleted_at");
    Long lastReply = Sql.nullableLong(rows, "last_reply_at");
    return new Message(
        rows.getLong("id"),
        rows.getLong("channel_id"),
        threadId,
        rows.getLong("author_id"),
        rows.getString("author_type"),
        "",
        deleted == null ? rows.getString("body") : null,
        null,
        rows.getInt("version"),
        Instant.ofEpochMilli(rows.getLong("created_at")),
        edited == null ? null : Instant.ofEpochMilli(edited),
        deleted == null ? null : Instant.ofEpochMilli(deleted),
        rows.getInt("reply_count"),
        lastReply == null ? null : Instant.ofEpochMilli(lastReply),
        List.of(),
        List.of(),
        List.of());
  }
}
