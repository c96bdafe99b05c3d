package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.overview.ConventionFinder;
import dev.atelier.codeintel.internal.overview.Inventory;
import dev.atelier.codeintel.internal.overview.Summarizer;
import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import dev.atelier.repos.BranchId;
import java.util.List;
import java.util.Map;

/**
 * What a newcomer asks of a branch: what it is (languages, size, folders, entry points, frameworks,
 * how to build and test) and how it is written (naming, layout, tests, error handling), each with
 * {@code path:line} examples.
 */
public final class RepositoryOverview {

  private final Sql sql;

  public RepositoryOverview(Database database) {
    requireNonNull(database, "database is null");
    this.sql = new Sql(database.dataSource(), database.vendor());
  }

  /** A place in the branch, shown as {@code path:line}. */
  public record Anchor(String path, int line) {
    @Override
    public String toString() {
      return line > 0 ? path + ":" + line : path;
    }
  }

  /** Files, code lines and bytes of one language. */
  public record LanguageShare(String language, int files, long lines, long bytes) {}

  /** A top-level folder (or the root's own files, as {@code .}) and what it holds. */
  public record FolderSize(String path, int files, long lines) {}

  /**
   * Where a program starts.
   *
   * @param kind e.g. {@code main function}, {@code python -m}, {@code package.json bin}
   * @param at where
   * @param detail how it is run, or the symbol
   */
  public record EntryPoint(String kind, Anchor at, String detail) {}

  /**
   * A framework or library the code is built on.
   *
   * @param name e.g. {@code Spring Boot}, {@code pytest}
   * @param files how many files import it (0 when only a build file names it)
   * @param evidence a file that imports it or the build file that declares it
   */
  public record Framework(String name, int files, String evidence) {}

  /**
   * A command to run.
   *
   * @param purpose {@code build}, {@code test}, {@code lint}, {@code run} or {@code install}
   * @param command the shell command, from the repository root
   * @param source the file it comes from
   */
  public record Command(String purpose, String command, String source) {}

  /** The project summary of a branch. */
  public record ProjectSummary(
      int files,
      long bytes,
      long lines,
      List<LanguageShare> languages,
      List<FolderSize> topFolders,
      List<EntryPoint> entryPoints,
      List<Framework> frameworks,
      List<Command> commands) {}

  /**
   * How names of one kind are written in one language.
   *
   * @param language e.g. {@code python}
   * @param category {@code types}, {@code functions}, {@code fields/variables} or {@code constants}
   * @param names how many names had a decidable style (multi-word, or capitalised)
   * @param styles count per style, most common first
   * @param examples a few names in the most common style
   * @param exceptions a few names in other styles
   */
  public record NamingStyle(
      String language,
      String category,
      int names,
      Map<String, Integer> styles,
      List<NamedAnchor> examples,
      List<NamedAnchor> exceptions) {

    public String dominant() {
      return styles.keySet().iterator().next();
    }

    public double share() {
      return names == 0 ? 0 : (double) styles.values().iterator().next() / names;
    }
  }

  /** A name and where it is defined. */
  public record NamedAnchor(String name, Anchor at) {
    @Override
    public String toString() {
      return name + " " + at;
    }
  }

  /**
   * How tests of one language are named and placed.
   *
   * @param language e.g. {@code java}
   * @param pattern e.g. {@code *Test.java}
   * @param placement e.g. {@code under src/test (mirrors src/main)}
   * @param files how many test files follow the pattern
   * @param examples a few of them
   */
  public record TestPlacement(
      String language, String pattern, String placement, int files, List<String> examples) {}

  /** Source and test roots and the biggest top-level folders. */
  public record Layout(
      List<FolderSize> topFolders, List<String> sourceRoots, List<String> testRoots) {}

  /**
   * How errors are handled.
   *
   * @param exceptionTypes the repository's own exception/error types
   * @param examples a few of them
   * @param goErrorChecks {@code if err != nil} checks in the sampled Go files (0 without Go)
   * @param goFilesSampled Go files read for that count
   */
  public record ErrorHandling(
      int exceptionTypes, List<NamedAnchor> examples, int goErrorChecks, int goFilesSampled) {}

  /**
   * The observed conventions of a branch.
   *
   * @param sampleStep 1 if naming and exception types count every definition, n if every n-th (very
   *     large branches)
   */
  public record Conventions(
      int sampleStep,
      List<NamingStyle> naming,
      Layout layout,
      List<TestPlacement> tests,
      List<Framework> frameworks,
      ErrorHandling errors) {}

  /** A file many others depend on. */
  public record CentralFile(String path, int dependents) {}

  public ProjectSummary summary(long orgId, BranchId branch) {
    return new Summarizer(Inventory.load(sql, orgId, branch)).summary();
  }

  public Conventions conventions(long orgId, BranchId branch) {
    return new ConventionFinder(Inventory.load(sql, orgId, branch)).conventions();
  }

  /**
   * The files with the most distinct dependents (files that import them or whose references resolve
   * into them), most first, tests and test data left out; counted in the database.
   */
  public List<CentralFile> mostDependedOn(long orgId, BranchId branch, int limit) {
    return Inventory.mostDependedOn(sql, orgId, branch, limit);
  }
}
