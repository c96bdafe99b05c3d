package dev.atelier.codeintel.internal.history;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.ChangeHistory.FileChurn;
import dev.atelier.codeintel.ChangeHistory.Window;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.CommitTimeRevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Walks a git repository's commits back from a head within a {@link Window} and counts, per file,
 * the commits, lines added and removed, authors and last change; renames are followed so a file's
 * older changes count under its name at the head. Each commit's changes are kept as walked, so the
 * walk from a descendant head diffs only the new commits.
 */
public final class GitHistoryReader {

  /** Files over this size are diffed as binary (no line counts): keeps a walk bounded. */
  private static final int DIFF_THRESHOLD_BYTES = 1 << 20;

  /** A walk stops here and keeps what it counted, so a first call never waits for minutes. */
  private static final Duration TIME_LIMIT = Duration.ofSeconds(20);

  private final Window window;

  public GitHistoryReader(Window window) {
    this.window = requireNonNull(window, "window is null");
  }

  /** Where a folder's history is, or why it has none. */
  sealed interface Lookup permits Location, Missing {}

  /**
   * A folder inside a git work tree: the repository and the folder's path within it ({@code ""} at
   * the top).
   */
  record Location(File gitDir, String prefix) implements Lookup {}

  /** Why a folder has no history. */
  record Missing(String why) implements Lookup {}

  /** Where the folder's git repository is, or why there is none. */
  static Lookup locate(String location) {
    Path folder;
    try {
      folder = Path.of(location);
    } catch (InvalidPathException e) {
      return new Missing("the repository's location is not a local folder");
    }
    if (!folder.isAbsolute() || !Files.isDirectory(folder)) {
      return new Missing("the repository's location is not a local folder");
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
    File gitDir = builder.getGitDir();
    if (gitDir == null) {
      return new Missing(folder + " is not in a git repository");
    }
    try (Repository repository = builder.setMustExist(true).build()) {
      if (repository.isBare()) {
        return new Location(gitDir, "");
      }
      Path top = repository.getWorkTree().toPath().toRealPath();
      Path here = folder.toRealPath();
      String prefix = top.relativize(here).toString().replace(File.separatorChar, '/');
      return new Location(gitDir, prefix);
    } catch (IOException | IllegalArgumentException e) {
      return new Missing("cannot open the git repository of " + folder + ": " + e.getMessage());
    }
  }

  static Repository open(Location location) throws IOException {
    return new FileRepositoryBuilder().setGitDir(location.gitDir()).setMustExist(true).build();
  }

  /** The head to walk from: the commit named, else HEAD; null when there are no commits. */
  static @Nullable ObjectId head(Repository repository, @Nullable String commit)
      throws IOException {
    if (commit != null && ObjectId.isId(commit)) {
      return ObjectId.fromString(commit);
    }
    return repository.resolve("HEAD^{commit}");
  }

  /**
   * The history from {@code head}. When {@code previous} was read from an ancestor of it, only the
   * commits since are walked and the previous ones reused (a new commit costs its own diff, not a
   * new walk of the whole window).
   */
  HistorySnapshot read(
      Repository repository, ObjectId head, String prefix, @Nullable HistorySnapshot previous)
      throws IOException {
    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    List<WalkedCommit> walked = new ArrayList<>();
    boolean outOfTime = false;
    boolean capped = false;
    Instant since;
    try (RevWalk walk = new RevWalk(repository);
        ObjectReader reader = repository.newObjectReader();
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repository);
      diff.setDiffComparator(RawTextComparator.DEFAULT);
      diff.setDetectRenames(false);
      diff.setBinaryFileThreshold(DIFF_THRESHOLD_BYTES);
      if (!prefix.isEmpty()) {
        diff.setPathFilter(PathFilter.create(prefix));
      }
      RevCommit start = walk.parseCommit(head);
      since = Instant.ofEpochSecond(start.getCommitTime()).minus(window.maxAge());
      RevCommit reuseFrom = reusable(walk, start, previous);
      walk.sort(RevSort.COMMIT_TIME_DESC);
      walk.setRevFilter(CommitTimeRevFilter.after(since.toEpochMilli()));
      walk.markStart(start);
      if (reuseFrom != null) {
        walk.markUninteresting(reuseFrom);
      }
      for (RevCommit commit : walk) {
        if (walked.size() >= window.maxCommits()) {
          capped = true;
          break;
        }
        if (System.nanoTime() > deadline) {
          outOfTime = true;
          break;
        }
        walked.add(walk(repository, walk, reader, diff, commit));
      }
      if (reuseFrom != null && previous != null && !outOfTime) {
        for (WalkedCommit old : previous.walked()) {
          if (walked.size() >= window.maxCommits()) {
            capped = true;
            break;
          }
          if (!old.time().isBefore(since)) {
            walked.add(old);
          }
        }
        capped |= previous.capped() && walked.size() >= window.maxCommits();
      }
    }
    return aggregate(head, prefix, since, walked, capped, outOfTime);
  }

  /** The previous snapshot's head when it is an ancestor of {@code start} and complete. */
  private static @Nullable RevCommit reusable(
      RevWalk walk, RevCommit start, @Nullable HistorySnapshot previous) throws IOException {
    if (previous == null || previous.head() == null || previous.outOfTime()) {
      return null;
    }
    try {
      RevCommit old = walk.parseCommit(ObjectId.fromString(previous.head()));
      boolean ancestor = walk.isMergedInto(old, start);
      walk.reset();
      return ancestor ? old : null;
    } catch (MissingObjectException e) {
      walk.reset();
      return null;
    }
  }

  /** One commit's changes, with raw git paths (renames resolved later, over the whole window). */
  private WalkedCommit walk(
      Repository repository,
      RevWalk walk,
      ObjectReader reader,
      DiffFormatter diff,
      RevCommit commit)
      throws IOException {
    Instant when = Instant.ofEpochSecond(commit.getCommitTime());
    String author =
        commit.getAuthorIdent() == null
            ? ""
            : commit.getAuthorIdent().getEmailAddress().toLowerCase(Locale.ROOT);
    if (commit.getParentCount() > 1) {
      return new WalkedCommit(when, author, WalkedCommit.Kind.MERGE, List.of());
    }
    RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
    List<DiffEntry> entries = diff.scan(parent == null ? null : parent.getTree(), commit.getTree());
    if (entries.size() > window.maxFilesPerCommit()) {
      return new WalkedCommit(when, author, WalkedCommit.Kind.MECHANICAL, List.of());
    }
    RenameDetector renames = new RenameDetector(repository);
    renames.addAll(entries);
    try {
      entries = renames.compute(reader, NullProgressMonitor.INSTANCE);
    } catch (CanceledException e) {
      throw new IOException("rename detection was cancelled", e);
    }
    List<WalkedCommit.Change> changes = new ArrayList<>(entries.size());
    for (DiffEntry entry : entries) {
      long added = 0;
      long removed = 0;
      for (Edit edit : diff.toFileHeader(entry).toEditList()) {
        added += edit.getLengthB();
        removed += edit.getLengthA();
      }
      boolean deleted = entry.getChangeType() == DiffEntry.ChangeType.DELETE;
      changes.add(
          new WalkedCommit.Change(
              deleted ? entry.getOldPath() : entry.getNewPath(),
              entry.getChangeType() == DiffEntry.ChangeType.RENAME ? entry.getOldPath() : null,
              added,
              removed));
    }
    return new WalkedCommit(when, author, WalkedCommit.Kind.COUNTED, changes);
  }

  private HistorySnapshot aggregate(
      ObjectId head,
      String prefix,
      Instant since,
      List<WalkedCommit> walked,
      boolean capped,
      boolean outOfTime) {
    Tally tally = new Tally();
    int merges = 0;
    int mechanical = 0;
    for (WalkedCommit commit : walked) {
      switch (commit.kind()) {
        case MERGE -> merges++;
        case MECHANICAL -> mechanical++;
        case COUNTED -> tally.commit(commit, prefix);
      }
    }
    int count = walked.size();
    String scope =
        outOfTime
            ? "the newest " + count + " commits (the " + TIME_LIMIT.toSeconds() + " s limit)"
            : capped ? "the newest " + count + " commits" : count + " commits";
    String status =
        scope
            + " since "
            + since.atZone(ZoneOffset.UTC).toLocalDate()
            + " from "
            + head.abbreviate(10).name()
            + (merges + mechanical > 0 ? " (" + skipped(merges, mechanical) + " not counted)" : "");
    return tally.snapshot(status, head.name(), walked, capped, outOfTime);
  }

  private String skipped(int merges, int mechanical) {
    List<String> parts = new ArrayList<>();
    if (merges > 0) {
      parts.add(merges + (merges == 1 ? " merge" : " merges"));
    }
    if (mechanical > 0) {
      parts.add(
          mechanical
              + (mechanical == 1 ? " commit" : " commits")
              + " of more than "
              + window.maxFilesPerCommit()
              + " files");
    }
    return String.join(" and ", parts);
  }

  /** The counts so far, newest commit first. */
  private static final class Tally {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> paths = new ArrayList<>();
    private final List<long[]> lines = new ArrayList<>();
    private final List<@Nullable Instant> last = new ArrayList<>();
    private final List<Set<String>> authors = new ArrayList<>();
    private final List<List<Integer>> fileCommits = new ArrayList<>();
    private final List<int[]> commitFiles = new ArrayList<>();
    // an old path renamed later -> its name at the head
    private final Map<String, String> renamedTo = new HashMap<>();

    void commit(WalkedCommit commit, String prefix) {
      Set<Integer> touched = new LinkedHashSet<>();
      for (WalkedCommit.Change change : commit.changes()) {
        String path = current(change.path());
        String from = change.renamedFrom();
        if (from != null) {
          renamedTo.put(from, path);
        }
        String relative = relative(path, prefix);
        if (relative == null) {
          continue;
        }
        int id = id(relative);
        if (touched.add(id)) {
          fileCommits.get(id).add(commitFiles.size());
          Instant before = last.get(id);
          if (before == null || commit.time().isAfter(before)) {
            last.set(id, commit.time());
          }
          authors.get(id).add(commit.author());
        }
        lines.get(id)[0] += change.added();
        lines.get(id)[1] += change.removed();
      }
      if (!touched.isEmpty()) {
        commitFiles.add(touched.stream().mapToInt(Integer::intValue).toArray());
      }
    }

    private String current(String path) {
      String renamed = renamedTo.get(path);
      return renamed == null ? path : renamed;
    }

    private static @Nullable String relative(String path, String prefix) {
      if (prefix.isEmpty()) {
        return path;
      }
      return path.startsWith(prefix + "/") ? path.substring(prefix.length() + 1) : null;
    }

    private int id(String path) {
      Integer id = ids.get(path);
      if (id != null) {
        return id;
      }
      int next = paths.size();
      ids.put(path, next);
      paths.add(path);
      lines.add(new long[2]);
      last.add(null);
      authors.add(new HashSet<>());
      fileCommits.add(new ArrayList<>());
      return next;
    }

    HistorySnapshot snapshot(
        String status, String head, List<WalkedCommit> walked, boolean capped, boolean outOfTime) {
      List<FileChurn> churn = new ArrayList<>(paths.size());
      int[][] byFile = new int[paths.size()][];
      for (int id = 0; id < paths.size(); id++) {
        byFile[id] = fileCommits.get(id).stream().mapToInt(Integer::intValue).toArray();
        churn.add(
            new FileChurn(
                paths.get(id),
                byFile[id].length,
                lines.get(id)[0],
                lines.get(id)[1],
                requireNonNull(last.get(id)),
                authors.get(id).size()));
      }
      return new HistorySnapshot(
          status,
          head,
          ids,
          paths,
          churn,
          commitFiles.toArray(int[][]::new),
          byFile,
          walked,
          capped,
          outOfTime);
    }
  }
}
