package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.history.GitHistoryReader;
import dev.atelier.codeintel.internal.history.HistoryCache;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Repository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What git says about a repository's files: per-file churn and which files change together. Read
 * through JGit over a bounded window (the newest {@link Window#maxCommits()} commits within {@link
 * Window#maxAge()} of the head), skipping merges and mechanical commits that touch more than {@link
 * Window#maxFilesPerCommit()} files. Computed once per head commit and kept in memory; a folder
 * without git answers an empty history that says so.
 */
public final class ChangeHistory {

  /** The bounds of the walk. */
  public record Window(int maxCommits, Duration maxAge, int maxFilesPerCommit) {

    public Window {
      if (maxCommits < 1 || maxFilesPerCommit < 1) {
        throw new IllegalArgumentException("maxCommits and maxFilesPerCommit must be positive");
      }
      requireNonNull(maxAge, "maxAge is null");
    }

    /** 1,000 commits or two years, whichever is smaller; commits over 50 files are skipped. */
    public static Window defaults() {
      return new Window(1000, Duration.ofDays(730), 50);
    }
  }

  /**
   * How much a file changed in the window.
   *
   * @param path repository-relative, as it is named at the head (renames followed)
   * @param commits commits that touched it
   * @param linesAdded lines added over those commits
   * @param linesRemoved lines removed over those commits
   * @param lastChange when the newest of them was committed
   * @param authors distinct author e-mails
   */
  public record FileChurn(
      String path,
      int commits,
      long linesAdded,
      long linesRemoved,
      Instant lastChange,
      int authors) {

    public long linesChanged() {
      return linesAdded + linesRemoved;
    }
  }

  /**
   * A file that changed in the same commits as another.
   *
   * @param path the other file
   * @param support commits that touched both
   * @param confidence support divided by the commits that touched the first file: how often a
   *     change to it came with a change to this one
   */
  public record CoChange(String path, int support, double confidence) {}

  /** One computed history (or the lack of one). */
  public interface History {

    /** Whether git history was read; false for folders without git. */
    boolean available();

    /** One line for a reader: the window walked, or why there is no history. */
    String status();

    /** The head commit walked from, or null without git. */
    @Nullable String head();

    /** Commits counted (merges and mechanical commits excluded). */
    int commits();

    Optional<FileChurn> churn(String path);

    /** Every file the window touched (including files deleted since). */
    Collection<FileChurn> files();

    /**
     * Files changed together with {@code path} in at least {@code minSupport} commits, by support
     * then confidence.
     */
    List<CoChange> coChanges(String path, int minSupport);
  }

  private final HistoryCache cache;

  public ChangeHistory() {
    this(Window.defaults());
  }

  public ChangeHistory(Window window) {
    this.cache = new HistoryCache(new GitHistoryReader(requireNonNull(window, "window is null")));
  }

  /**
   * The history of the branch: from the commit it was indexed at when it came from git, else from
   * the folder's current HEAD. Repositories whose location is not a local folder in a git
   * repository answer an unavailable history.
   */
  public History of(Repository repository, Branch branch) {
    requireNonNull(repository, "repository is null");
    requireNonNull(branch, "branch is null");
    return cache.history(repository.location(), branch.headCommit());
  }
}
