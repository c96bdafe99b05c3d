package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.codeintel.TextMatch;
import dev.atelier.codeintel.TextQuery;
import dev.atelier.codeintel.TextSearchResult;
import dev.atelier.codeintel.internal.paths.PathGlob;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.sql.DataSource;

/**
 * Content search over one manifest: the trigram index (SQLite FTS5 or PostgreSQL pg_trgm) narrows
 * the files to those containing the query's literals, then each candidate is checked exactly in
 * Java, which gives the same answers, line numbers and regex dialect on both databases.
 */
public final class TextSearcher {

  private static final int LINE_TEXT_LIMIT = 300;
  private static final long REGEX_BUDGET_NANOS = 5_000_000_000L;

  private final Sql sql;

  public TextSearcher(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  public TextSearchResult search(long orgId, long manifestId, TextQuery query) {
    Pattern pattern = compile(query);
    List<String> literals =
        query.regex() ? RequiredLiterals.of(query.pattern()) : literalsOf(query.pattern());
    PathGlob paths = PathGlob.of(query.pathGlob());
    long deadline = System.nanoTime() + REGEX_BUDGET_NANOS;
    Collector collector = new Collector(pattern, paths, query.maxMatches(), deadline);
    List<Object> params = new ArrayList<>();
    String statement = candidates(orgId, manifestId, literals, params);
    sql.jdbcTemplate()
        .query(
            statement,
            (ResultSet rows) -> {
              while (rows.next() && !collector.full()) {
                collector.file(rows.getString(1), text(rows));
              }
              return null;
            },
            params.toArray());
    return collector.result();
  }

  private String text(ResultSet rows) throws SQLException {
    return switch (sql.vendor()) {
      case SQLITE -> new String(rows.getBytes(2), StandardCharsets.UTF_8);
      case POSTGRESQL -> rows.getString(2);
    };
  }

  /** The files of the manifest that contain every literal (all text files when none). */
  private String candidates(
      long orgId, long manifestId, List<String> literals, List<Object> params) {
    params.add(orgId);
    params.add(manifestId);
    return switch (sql.vendor()) {
      case SQLITE -> {
        if (literals.isEmpty()) {
          yield "SELECT e.path, b.content FROM manifest_entries e JOIN blobs b"
              + " ON b.org_id = e.org_id AND b.id = e.blob_id"
              + " WHERE e.org_id = ? AND e.manifest_id = ? AND b.content_kind = 'text'"
              + " ORDER BY e.path";
        }
        // Blobs whose text index is still being written (see TextIndexer) are checked directly.
        params.add(ftsQuery(literals));
        params.add(orgId);
        yield "SELECT e.path, b.content FROM manifest_entries e JOIN blobs b"
            + " ON b.org_id = e.org_id AND b.id = e.blob_id"
            + " WHERE e.org_id = ? AND e.manifest_id = ?"
            + " AND (e.blob_id IN (SELECT rowid FROM blob_text WHERE blob_text MATCH ?)"
            + " OR e.blob_id IN (SELECT blob_id FROM blob_parses"
            + " WHERE org_id = ? AND text_indexed = 0))"
            + " ORDER BY e.path";
      }
      case POSTGRESQL -> {
        StringBuilder where = new StringBuilder();
        for (String literal : literals) {
          where.append(" AND t.content ILIKE ?");
          params.add("%" + likeEscape(literal) + "%");
        }
        yield "SELECT e.path, t.content FROM manifest_entries e JOIN blob_text t"
            + " ON t.org_id = e.org_id AND t.blob_id = e.blob_id"
            + " WHERE e.org_id = ? AND e.manifest_id = ?"
            + where
            + " ORDER BY e.path COLLATE \"C\"";
      }
    };
  }

  private static List<String> literalsOf(String text) {
    return text.length() >= 3 ? List.of(text) : List.of();
  }

  /**
   * An FTS5 query requiring every trigram of every literal. The index keeps no positions, so this
   * over-approximates "contains the literal"; the exact check removes the rest.
   */
  private static String ftsQuery(List<String> literals) {
    Set<String> trigrams = new LinkedHashSet<>();
    for (String literal : literals) {
      for (int i = 0; i + 3 <= literal.length(); i++) {
        trigrams.add("\"" + literal.substring(i, i + 3).replace("\"", "\"\"") + "\"");
      }
    }
    return String.join(" AND ", trigrams);
  }

  private static String likeEscape(String literal) {
    return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Pattern compile(TextQuery query) {
    int flags =
        Pattern.MULTILINE
            | (query.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    try {
      return query.regex()
          ? Pattern.compile(query.pattern(), flags)
          : Pattern.compile(Pattern.quote(query.pattern()), flags);
    } catch (PatternSyntaxException e) {
      throw new AtelierException(
          CodeIntelError.INVALID_QUERY,
          "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
    }
  }

  /** Checks candidates exactly and gathers matching lines up to the limit. */
  private static final class Collector {

    private final Pattern pattern;
    private final PathGlob paths;
    private final int limit;
    private final long deadline;
    private final List<TextMatch> matches = new ArrayList<>();
    private int files;
    private int candidates;
    private boolean truncated;

    Collector(Pattern pattern, PathGlob paths, int limit, long deadline) {
      this.pattern = pattern;
      this.paths = paths;
      this.limit = limit;
      this.deadline = deadline;
    }

    boolean full() {
      return truncated;
    }

    void file(String path, String text) {
      if (!paths.matches(path)) {
        return;
      }
      candidates++;
      Matcher matcher = pattern.matcher(new DeadlineText(text, deadline));
      int lastLine = -1;
      int line = 1;
      int scanned = 0;
      boolean any = false;
      while (matcher.find()) {
        int start = matcher.start();
        for (; scanned < start; scanned++) {
          if (text.charAt(scanned) == '\n') {
            line++;
          }
        }
        if (line == lastLine) {
          continue;
        }
        if (matches.size() == limit) {
          truncated = true;
          break;
        }
        lastLine = line;
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', start);
        String lineText = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        matches.add(
            new TextMatch(
                path,
                line,
                start - lineStart,
                Math.max(0, matcher.end() - start),
                shorten(lineText, start - lineStart)));
        any = true;
      }
      if (any) {
        files++;
      }
    }

    TextSearchResult result() {
      return new TextSearchResult(matches, files, candidates, truncated);
    }

    private static String shorten(String line, int column) {
      String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (stripped.length() <= LINE_TEXT_LIMIT) {
        return stripped;
      }
      int from = Math.max(0, Math.min(column - 40, stripped.length() - LINE_TEXT_LIMIT));
      return stripped.substring(from, from + LINE_TEXT_LIMIT);
    }
  }
}
