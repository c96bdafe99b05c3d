package dev.atelier.codeintel.internal.explore;

import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.codeintel.CodebaseExplorer.Entry;
import dev.atelier.codeintel.CodebaseExplorer.Listing;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.classify.FileClasses;
import dev.atelier.codeintel.internal.content.BranchContent;
import dev.atelier.codeintel.internal.content.BranchContent.FileStat;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.FileClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Builds a folder listing from the branch's file sizes and line counts and its top-level symbols:
 * the largest definitions (by lines spanned) stand for what a file or folder is about.
 */
public final class FolderSummaries {

  private static final int SUMMARY_SYMBOLS = 4;

  /** Above this many files only types are read for summaries (a whole-repository listing). */
  private static final int LARGE_TREE = 2000;

  private static final int SUMMARY_CHARS = 110;

  private final Sql sql;
  private final BranchContent content;

  public FolderSummaries(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
    this.content = new BranchContent(dataSource, vendor);
  }

  private record TopSymbol(
      String path, String name, SymbolKind kind, @Nullable String doc, int span, boolean test) {}

  // Lines an interpreter or editor reads, not a person: Ruby's "frozen_string_literal: true",
  // "-*- coding: utf-8 -*-", "encoding: utf-8".
  private static final Pattern MAGIC_COMMENT =
      Pattern.compile(
          "(?i)\\s*(frozen_string_literal|(en)?coding|-\\*-|warn_indent|shareable_constant_value)\\b.*");

  /** Facts gathered for one child. */
  private static final class Child {
    final String name;
    final boolean folder;
    int files;
    long lines;
    long bytes;
    final Map<Language, Long> languageLines = new HashMap<>();
    final List<TopSymbol> symbols = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    @Nullable String readmePath;

    Child(String name, boolean folder) {
      this.name = name;
      this.folder = folder;
    }
  }

  public Listing list(long orgId, long branchId, String folder) {
    List<FileStat> stats = content.stats(orgId, branchId, folder);
    if (stats.isEmpty()) {
      if (!folder.isEmpty() && content.file(orgId, branchId, folder).isPresent()) {
        throw new AtelierException(
            CodeIntelError.FILE_NOT_FOUND,
            "'" + folder + "' is a file, not a folder; its outline is what the symbols tool shows");
      }
      throw new AtelierException(
          CodeIntelError.FILE_NOT_FOUND,
          folder.isEmpty()
              ? "the branch has no files"
              : "no folder '" + folder + "' in this branch; paths are repository-relative");
    }
    String prefix = folder.isEmpty() ? "" : folder + "/";
    Map<String, Child> children = new TreeMap<>();
    Map<String, Child> byPath = new HashMap<>();
    Map<Language, Integer> languageFiles = new HashMap<>();
    long lines = 0;
    long bytes = 0;
    @Nullable String ownReadme = null;
    for (FileStat stat : stats) {
      String rest = stat.path().substring(prefix.length());
      int slash = rest.indexOf('/');
      String name = slash < 0 ? rest : rest.substring(0, slash);
      Child child = children.computeIfAbsent(name, n -> new Child(n, slash >= 0));
      child.files++;
      if (child.names.size() < 3) {
        child.names.add(rest.substring(rest.lastIndexOf('/') + 1));
      }
      child.lines += stat.lines();
      child.bytes += stat.size();
      child.languageLines.merge(stat.language(), (long) Math.max(1, stat.lines()), Long::sum);
      byPath.put(stat.path(), child);
      languageFiles.merge(stat.language(), 1, Integer::sum);
      lines += stat.lines();
      bytes += stat.size();
      if (isReadme(rest) && readmeRank(stat.path()) < readmeRank(ownReadme)) {
        ownReadme = stat.path();
      } else if (slash >= 0
          && isReadme(rest.substring(slash + 1))
          && readmeRank(stat.path()) < readmeRank(child.readmePath)) {
        child.readmePath = stat.path();
      }
    }
    topSymbols(orgId, branchId, prefix, byPath, stats.size() > LARGE_TREE);
    List<Entry> entries = new ArrayList<>();
    for (Child child : children.values()) {
      @Nullable String readme =
          child.readmePath == null ? null : readmeLine(orgId, branchId, child.readmePath);
      entries.add(
          new Entry(
              child.name,
              prefix + child.name,
              child.folder,
              child.files,
              child.lines,
              child.bytes,
              dominant(child.languageLines),
              readme != null
                  ? readme
                  : summary(
                      child,
                      child.folder || child.symbols.isEmpty()
                          ? null
                          : fileDoc(orgId, branchId, prefix + child.name))));
    }
    entries.sort(Comparator.comparing((Entry e) -> !e.folder()).thenComparing(Entry::name));
    Map<String, Integer> languages = new LinkedHashMap<>();
    languageFiles.entrySet().stream()
        .sorted(Map.Entry.<Language, Integer>comparingByValue().reversed())
        .forEach(e -> languages.put(e.getKey().id(), e.getValue()));
    return new Listing(
        folder,
        stats.size(),
        lines,
        bytes,
        languages,
        ownReadme == null ? null : readmeLine(orgId, branchId, ownReadme),
        entries);
  }

  private void topSymbols(
      long orgId, long branchId, String prefix, Map<String, Child> byPath, boolean typesOnly) {
    BranchContent.Under under = content.under("f.path", prefix);
    List<Object> params = new ArrayList<>(List.of(orgId, branchId));
    params.addAll(under.params());
    // docs are shown for files only: reading them for a whole subtree would cost the most
    Map<String, FileClass> classes = FileClasses.ofBranch(sql, orgId, branchId);
    sql.jdbcTemplate()
        .query(
            "SELECT f.path, s.name, s.kind, s.end_line - s.start_line FROM branch_files f"
                + " JOIN symbols s ON s.org_id = f.org_id AND s.blob_id = f.blob_id"
                + " WHERE f.org_id = ? AND f.branch_id = ? AND "
                + under.sql()
                + " AND s.parent_ordinal IS NULL"
                + (typesOnly
                    ? " AND s.kind IN ('class', 'interface', 'enum', 'record', 'struct', 'trait',"
                        + " 'module', 'namespace')"
                    : ""),
            row -> {
              String path = row.getString(1);
              Child child = byPath.get(path);
              if (child != null) {
                child.symbols.add(
                    new TopSymbol(
                        path,
                        row.getString(2),
                        SymbolKind.ofId(row.getString(3)),
                        null,
                        row.getInt(4),
                        classes.get(path) == FileClass.TEST));
              }
            },
            params.toArray());
  }

  /** The first doc comment among a file's top-level definitions, biggest first. */
  private @Nullable String fileDoc(long orgId, long branchId, String path) {
    return sql
        .jdbc()
        .sql(
            "SELECT s.doc FROM branch_files f"
                + " JOIN symbols s ON s.org_id = f.org_id AND s.blob_id = f.blob_id"
                + " WHERE f.org_id = ? AND f.branch_id = ? AND f.path = ?"
                + " AND s.parent_ordinal IS NULL AND s.doc IS NOT NULL"
                + " ORDER BY s.end_line - s.start_line DESC, s.ordinal")
        .params(orgId, branchId, path)
        .query((row, n) -> withoutMagicComments(java.util.Objects.requireNonNull(row.getString(1))))
        .list()
        .stream()
        .filter(d -> !d.isBlank())
        .findFirst()
        .orElse(null);
  }

  /** A doc comment without the lines meant for the interpreter (a Ruby file's first comment). */
  static String withoutMagicComments(String doc) {
    StringBuilder kept = new StringBuilder();
    for (String line : doc.split("\n", -1)) {
      if (!MAGIC_COMMENT.matcher(line).matches()) {
        kept.append(kept.isEmpty() ? "" : "\n").append(line);
      }
    }
    return kept.toString().strip();
  }

  /** The biggest definitions, containers (classes, modules) before functions and variables. */
  private static String summary(Child child, @Nullable String doc) {
    if (child.symbols.isEmpty()) {
      // nothing parsed: the file names say most about a folder of text
      return child.folder ? shorten(String.join(", ", child.names)) : "";
    }
    List<TopSymbol> top =
        child.symbols.stream()
            .sorted(
                Comparator.comparing(TopSymbol::test)
                    .thenComparing((TopSymbol s) -> !s.kind().isContainer())
                    .thenComparing(Comparator.comparingInt(TopSymbol::span).reversed())
                    .thenComparing(TopSymbol::name))
            .limit(SUMMARY_SYMBOLS)
            .toList();
    StringBuilder out = new StringBuilder();
    for (TopSymbol s : top) {
      out.append(out.isEmpty() ? "" : ", ").append(s.kind().id()).append(' ').append(s.name());
    }
    if (child.symbols.size() > top.size()) {
      out.append(" (+").append(child.symbols.size() - top.size()).append(')');
    }
    if (doc != null) {
      out.append(" - ").append(firstLine(doc));
    }
    return shorten(out.toString());
  }

  private @Nullable String readmeLine(long orgId, long branchId, String path) {
    return content
        .file(orgId, branchId, path)
        .map(f -> f.text())
        .flatMap(text ->
            text.lines()
                .map(String::strip)
                .filter(l ->
                    !l.isEmpty()
                        && !l.startsWith("[!")
                        && !l.startsWith("<")
                        && !l.startsWith("!")
                        && !l.chars().allMatch(c -> c == '=' || c == '-' || c == '#' || c == '*'))
                .map(l -> l.replaceFirst("^#+\\s*", ""))
                .findFirst())
        .map(FolderSummaries::shorten)
        .orElse(null);
  }

  /** README.md before README before README.rst/.txt before README.anything; lower is better. */
  private static int readmeRank(@Nullable String path) {
    if (path == null) {
      return Integer.MAX_VALUE;
    }
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int rank = List.of("readme.md", "readme", "readme.rst", "readme.txt").indexOf(name);
    return rank >= 0 ? rank : 10;
  }

  private static boolean isReadme(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("readme") || lower.startsWith("readme.");
  }

  private static @Nullable String dominant(Map<Language, Long> languageLines) {
    return languageLines.entrySet().stream()
        .filter(e -> e.getKey().parsed())
        .max(
            Map.Entry.<Language, Long>comparingByValue()
                .thenComparing(e -> e.getKey().id(), Comparator.reverseOrder()))
        .map(e -> e.getKey().id())
        .orElse(null);
  }

  private static String firstLine(String doc) {
    String line = doc.strip().lines().findFirst().orElse("").strip();
    int period = line.indexOf(". ");
    return period > 0 ? line.substring(0, period + 1) : line;
  }

  private static String shorten(String text) {
    return text.length() > SUMMARY_CHARS ? text.substring(0, SUMMARY_CHARS - 3) + "..." : text;
  }
}
