package dev.atelier.chat.internal;

import dev.atelier.platform.Database;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Message search over the channels a reader may read. Every word must occur in the message — as a
 * whole word or inside one (partial words, and CJK text, which has no spaces) — through the trigram
 * index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL) or, for words under three characters, a
 * scan of the candidates. Messages where every word is a whole word (the FTS5 word index as seed
 * 004 writes it; tsvector on PostgreSQL) rank first, then the newest. Deleted messages are not in
 * either index, nor matched by the scan.
 */
public final class MessageSearch {

  public record Filters(
      @Nullable Long channelId,
      @Nullable Long authorId,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Boolean hasCode) {}

  public record Hit(
      long messageId,
      long channelId,
      String channelName,
      @Nullable Long threadId,
      long authorId,
      String authorType,
      Instant createdAt,
      boolean wholeWords,
      String snippet) {}

  /**
   * A query whose every word is under three characters (one or two CJK characters, "db") has no
   * index to narrow it: it scans only the org's newest this many messages.
   */
  static final int SHORT_QUERY_SCAN = 20_000;

  private final Sql sql;

  public MessageSearch(Database database) {
    this.sql = new Sql(database.dataSource(), database.vendor());
  }

  public List<Hit> search(long orgId, long reader, SearchTerms terms, Filters filters, int limit) {
    boolean sqlite = sql.vendor() == DatabaseVendor.SQLITE;
    List<@Nullable Object> params = new ArrayList<>();
    StringBuilder query = new StringBuilder("select m.*, c.name as channel_name, ");
    if (sqlite) {
      query.append("(m.id in (select rowid from message_fts where message_fts match ?))");
      params.add(terms.ftsQuery());
    } else {
      query.append("coalesce(m.search_vector @@ plainto_tsquery('simple', ?), false)");
      params.add(String.join(" ", terms.words()));
    }
    query.append(
        " as whole_words from messages m join channels c on c.org_id = m.org_id and c.id ="
            + " m.channel_id where m.org_id = ? and m.deleted_at is null and ");
    params.add(orgId);
    query.append(Channels.READABLE_BY);
    params.add(reader);
    for (String word : terms.words()) {
      if (sqlite && SearchTerms.trigramSized(word)) {
        query.append(
            " and m.id in (select rowid from message_trigrams where message_trigrams match ?)");
        params.add('"' + word + '"');
      } else {
        query.append(" and lower(m.body) like ?");
        params.add("%" + word + "%");
      }
    }
    if (terms.words().stream().noneMatch(SearchTerms::trigramSized)) {
      query.append(
          " and m.id > coalesce((select w.id from messages w where w.org_id = ? order by w.id"
              + " desc limit 1 offset ?), 0)");
      params.add(orgId);
      params.add(SHORT_QUERY_SCAN);
    }
    if (filters.channelId() != null) {
      query.append(" and m.channel_id = ?");
      params.add(filters.channelId());
    }
    if (filters.authorId() != null) {
      query.append(" and m.author_id = ?");
      params.add(filters.authorId());
    }
    if (filters.from() != null) {
      query.append(" and m.created_at >= ?");
      params.add(filters.from().toEpochMilli());
    }
    if (filters.to() != null) {
      query.append(" and m.created_at < ?");
      params.add(filters.to().toEpochMilli());
    }
    if (filters.hasCode() != null) {
      query.append(filters.hasCode() ? " and m.body like ?" : " and m.body not like ?");
      params.add("%`%");
    }
    query.append(" order by whole_words desc, m.created_at desc, m.id desc limit ?");
    params.add(limit);
    return sql.jdbc()
        .sql(query.toString())
        .params(params)
        .query((rows, n) ->
            new Hit(
                rows.getLong("id"),
                rows.getLong("channel_id"),
                rows.getString("channel_name"),
                Sql.nullableLong(rows, "thread_id"),
                rows.getLong("author_id"),
                rows.getString("author_type"),
                Instant.ofEpochMilli(rows.getLong("created_at")),
                rows.getBoolean("whole_words"),
                Snippets.of(rows.getString("body"), terms.words())))
        .list();
  }
}
