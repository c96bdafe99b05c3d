package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.codeintel.TextHit;
import dev.atelier.codeintel.TextMatch;
import dev.atelier.codeintel.TextQuery;
import dev.atelier.codeintel.TextSearchPage;
import dev.atelier.codeintel.TextSearchRequest;
import dev.atelier.codeintel.TextSearchResult;
import dev.atelier.codeintel.internal.classify.FileClassifier;
import dev.atelier.codeintel.internal.paths.PathGlob;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.FileClass;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  private static final FileClassifier CLASSIFIER = new FileClassifier();

  /**
   * Matching lines one search keeps for paging; beyond it lines are still counted. At ~200 bytes a
   * line this bounds one search's memory to tens of megabytes.
   */
  static final int MAX_HELD_LINES = 200_000;

  private static final int LINE_TEXT_LIMIT = 300;
  private static final long REGEX_BUDGET_NANOS = 5_000_000_000L;
  private static final int SQL_BATCH = 500;

  private final Sql sql;
  private final RecentSearches recent = new RecentSearches(16, 2L * MAX_HELD_LINES);

  // Each regex search may scan every file for its time budget: a few at once per core, no more.
  private final RegexGate regexGate =
      new RegexGate(Math.max(2, Runtime.getRuntime().availableProcessors()), 2_000);

  public TextSearcher(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  /**
   * One page of a search that reads filters from its query, ranks every matching line and counts
   * them all. Later pages slice the same ranked list (see {@link PageCursor}).
   *
   * @param repository the repository's name, for {@code repo:} filters
   */
  public TextSearchPage page(
      long orgId, long manifestId, String repository, TextSearchRequest request) {
    return request.regex()
        ? regexGate.run(() -> pageOf(orgId, manifestId, repository, request))
        : pageOf(orgId, manifestId, repository, request);
  }

  private TextSearchPage pageOf(
      long orgId, long manifestId, String repository, TextSearchRequest request) {
    ParsedQuery parsed = QueryParser.parse(request.query(), request.caseSensitive());
    PathGlob glob = PathGlob.of(request.pathGlob());
    String digest =
        PageCursor.digest(
            String.join(
                "\0",
                request.query(),
                Boolean.toString(request.regex()),
                Boolean.toString(request.caseSensitive()),
                String.valueOf(request.pathGlob()),
                request.sort().name()));
    int offset = 0;
    if (request.cursor() != null && !request.cursor().isBlank()) {
      PageCursor cursor = PageCursor.decode(request.cursor());
      if (!cursor.query().equals(digest)) {
        throw new AtelierException(
            CodeIntelError.INVALID_CURSOR,
            "the cursor belongs to another query; start this search again without it");
      }
      if (cursor.manifestId() != manifestId) {
        throw new AtelierException(
            CodeIntelError.INVALID_CURSOR,
            "the branch was indexed again since the first page; start the search again");
      }
      offset = cursor.offset();
    }
    RankedMatches ranked =
        recent.get(
            new RecentSearches.Key(orgId, manifestId, digest),
            () ->
                parsed.acceptsRepository(repository)
                    ? evaluate(orgId, manifestId, parsed, request, glob)
                    : RankedMatches.empty());
    int from = Math.min(offset, ranked.lines().size());
    int to = Math.min(from + request.pageSize(), ranked.lines().size());
    List<TextHit> hits = hits(orgId, manifestId, ranked, from, to, request.context());
    String next =
        to < ranked.lines().size() ? new PageCursor(manifestId, to, digest).encode() : null;
    return new TextSearchPage(
        hits,
        ranked.total(),
        ranked.files().size(),
        from,
        next,
        parsed.pattern(),
        request.sort(),
        ranked.candidates());
  }

  /** The evaluation step: every matching line of the manifest, found, marked and ranked. */
  private RankedMatches evaluate(
      long orgId, long manifestId, ParsedQuery parsed, TextSearchRequest request, PathGlob glob) {
    TextQuery query =
        new TextQuery(
            parsed.pattern(),
            request.regex(),
            parsed.caseSensitive(),
            null,
            TextQuery.DEFAULT_MAX_MATCHES);
    Pattern pattern = compile(query);
    List<String> literals =
        query.regex() ? RequiredLiterals.of(query.pattern()) : literalsOf(query.pattern());
    long deadline = System.nanoTime() + REGEX_BUDGET_NANOS;
    List<MatchedFile> files = new ArrayList<>();
    List<FoundLine> lines = new ArrayList<>();
    int[] counts = new int[2]; // total matching lines, candidate files
    List<Object> params = new ArrayList<>();
    String statement = candidates(orgId, manifestId, literals, params);
    sql.jdbcTemplate()
        .query(
            statement,
            (ResultSet rows) -> {
              while (rows.next()) {
                String path = rows.getString(1);
                if (!glob.matches(path) || !parsed.acceptsPath(path)) {
                  continue;
                }
                counts[1]++;
                int file = files.size();
                int before = counts[0];
                counts[0] +=
                    eachLine(
                        pattern,
                        text(rows),
                        deadline,
                        (line, column, length, text) -> {
                          if (lines.size() < MAX_HELD_LINES) {
                            lines.add(new FoundLine(file, line, column, length, text));
                          }
                          return true;
                        });
                if (counts[0] > before) {
                  files.add(new MatchedFile(path, rows.getLong(3), isTest(path)));
                }
              }
              return null;
            },
            params.toArray());
    BitSet definitions = definitions(orgId, files, lines);
    return MatchRanker.rank(files, lines, definitions, counts[0], counts[1], request.sort());
  }

  /** Tests, test data and vendored copies rank after the code itself. */
  private static boolean isTest(String path) {
    String lower = "/" + path.toLowerCase(Locale.ROOT);
    // Same reading of a path as the index's classification (the stored class is not joined here).
    return CLASSIFIER.classify(path, false) == FileClass.TEST
        || lower.contains("/testdata/")
        || lower.contains("/vendor/")
        || lower.contains("/third_party/");
  }

  /** Which found lines name a symbol defined on that very line. */
  private BitSet definitions(long orgId, List<MatchedFile> files, List<FoundLine> lines) {
    Map<Long, Map<Integer, List<String>>> names = new HashMap<>();
    List<Long> blobs = files.stream().map(MatchedFile::blobId).distinct().toList();
    for (int i = 0; i < blobs.size(); i += SQL_BATCH) {
      List<Long> batch = blobs.subList(i, Math.min(i + SQL_BATCH, blobs.size()));
      List<Object> params = new ArrayList<>();
      params.add(orgId);
      params.addAll(batch);
      sql.jdbcTemplate()
          .query(
              "SELECT blob_id, name_line, name FROM symbols WHERE org_id = ? AND blob_id IN ("
                  + "?,".repeat(batch.size() - 1)
                  + "?)",
              (ResultSet row) -> {
                names
                    .computeIfAbsent(row.getLong(1), b -> new HashMap<>())
                    .computeIfAbsent(row.getInt(2), l -> new ArrayList<>())
                    .add(row.getString(3).toLowerCase(Locale.ROOT));
              },
              params.toArray());
    }
    BitSet definitions = new BitSet(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      FoundLine found = lines.get(i);
      List<String> defined =
          names
              .getOrDefault(files.get(found.file()).blobId(), Map.of())
              .getOrDefault(found.line(), List.of());
      if (defined.isEmpty()) {
        continue;
      }
      int from = Math.min(found.column(), found.text().length());
      int to = Math.min(found.column() + found.length(), found.text().length());
      String matched = found.text().substring(from, to).toLowerCase(Locale.ROOT);
      for (String name : defined) {
        if (!matched.isEmpty() && (matched.contains(name) || name.contains(matched))) {
          definitions.set(i);
          break;
        }
      }
    }
    return definitions;
  }

  /** This page's lines as hits, with their context read from the files once more. */
  private List<TextHit> hits(
      long orgId, long manifestId, RankedMatches ranked, int from, int to, int context) {
    Map<String, String[]> texts =
        context == 0 ? Map.of() : lines(orgId, manifestId, ranked, from, to);
    List<TextHit> hits = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      FoundLine found = ranked.lines().get(i);
      MatchedFile file = ranked.files().get(found.file());
      String[] all = texts.get(file.path());
      List<String> before = List.of();
      List<String> after = List.of();
      if (all != null) {
        int at = found.line() - 1;
        before = shortened(all, Math.max(0, at - context), Math.min(at, all.length));
        after =
            shortened(all, Math.min(at + 1, all.length), Math.min(at + 1 + context, all.length));
      }
      hits.add(
          new TextHit(
              file.path(),
              found.line(),
              found.column(),
              found.length(),
              found.text(),
              ranked.definitions().get(i),
              file.test(),
              before,
              after));
    }
    return hits;
  }

  private static List<String> shortened(String[] lines, int from, int to) {
    List<String> out = new ArrayList<>(Math.max(0, to - from));
    for (int i = from; i < to; i++) {
      out.add(shorten(lines[i], 0));
    }
    return out;
  }

  /** The lines of the files on a page, by path. */
  private Map<String, String[]> lines(
      long orgId, long manifestId, RankedMatches ranked, int from, int to) {
    List<String> paths = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String path = ranked.files().get(ranked.lines().get(i).file()).path();
      if (!paths.contains(path)) {
        paths.add(path);
      }
    }
    Map<String, String[]> out = new HashMap<>();
    for (int i = 0; i < paths.size(); i += SQL_BATCH) {
      List<String> batch = paths.subList(i, Math.min(i + SQL_BATCH, paths.size()));
      List<Object> params = new ArrayList<>();
      params.add(orgId);
      params.add(manifestId);
      params.addAll(batch);
      String in = " AND e.path IN (" + "?,".repeat(batch.size() - 1) + "?)";
      String statement =
          switch (sql.vendor()) {
            case SQLITE ->
                "SELECT e.path, b.content FROM manifest_entries e JOIN blobs b"
                    + " ON b.org_id = e.org_id AND b.id = e.blob_id"
                    + " WHERE e.org_id = ? AND e.manifest_id = ?"
                    + in;
            case POSTGRESQL ->
                "SELECT e.path, t.content FROM manifest_entries e JOIN blob_text t"
                    + " ON t.org_id = e.org_id AND t.blob_id = e.blob_id"
                    + " WHERE e.org_id = ? AND e.manifest_id = ?"
                    + in;
          };
      sql.jdbcTemplate()
          .query(
              statement,
              (ResultSet row) -> {
                out.put(row.getString(1), text(row).split("\\r?\\n", -1));
              },
              params.toArray());
    }
    return out;
  }

  public TextSearchResult search(long orgId, long manifestId, TextQuery query) {
    return query.regex()
        ? regexGate.run(() -> searchOf(orgId, manifestId, query))
        : searchOf(orgId, manifestId, query);
  }

  private TextSearchResult searchOf(long orgId, long manifestId, TextQuery query) {
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
          yield "SELECT e.path, b.content, e.blob_id FROM manifest_entries e JOIN blobs b"
              + " ON b.org_id = e.org_id AND b.id = e.blob_id"
              + " WHERE e.org_id = ? AND e.manifest_id = ? AND b.content_kind = 'text'"
              + " ORDER BY e.path";
        }
        // Blobs whose text index is still being written (see TextIndexer) are checked directly.
        params.add(ftsQuery(literals));
        params.add(orgId);
        yield "SELECT e.path, b.content, e.blob_id FROM manifest_entries e JOIN blobs b"
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
        yield "SELECT e.path, t.content, e.blob_id FROM manifest_entries e JOIN blob_text t"
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

  /** Receives the matching lines of a file; answers false to stop. */
  @FunctionalInterface
  private interface LineSink {
    boolean accept(int line, int column, int length, String text);
  }

  /**
   * Hands each line of {@code text} with a match to {@code sink}, once per line, with its first
   * match; returns how many lines the sink took.
   */
  private static int eachLine(Pattern pattern, String text, long deadline, LineSink sink) {
    Matcher matcher = pattern.matcher(new DeadlineText(text, deadline));
    int lastLine = -1;
    int line = 1;
    int scanned = 0;
    int taken = 0;
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
      lastLine = line;
      int lineStart = text.lastIndexOf('\n', start - 1) + 1;
      int lineEnd = text.indexOf('\n', start);
      String lineText = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
      if (!sink.accept(
          line,
          start - lineStart,
          Math.max(0, matcher.end() - start),
          shorten(lineText, start - lineStart))) {
        break;
      }
      taken++;
    }
    return taken;
  }

  private static String shorten(String line, int column) {
    String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    if (stripped.length() <= LINE_TEXT_LIMIT) {
      return stripped;
    }
    int from = Math.max(0, Math.min(column - 40, stripped.length() - LINE_TEXT_LIMIT));
    return stripped.substring(from, from + LINE_TEXT_LIMIT);
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
      int found =
          eachLine(
              pattern,
              text,
              deadline,
              (line, column, length, lineText) -> {
                if (matches.size() == limit) {
                  truncated = true;
                  return false;
                }
                matches.add(new TextMatch(path, line, column, length, lineText));
                return true;
              });
      if (found > 0) {
        files++;
      }
    }

    TextSearchResult result() {
      return new TextSearchResult(matches, files, candidates, truncated);
    }
  }
}
