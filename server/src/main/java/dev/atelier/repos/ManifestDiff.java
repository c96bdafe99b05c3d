package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two manifests. A path deleted and another added with the same blob is
 * reported as a rename (git's exact-rename rule); renames with edits show as delete plus add.
 *
 * @param added paths only in the newer manifest
 * @param changed paths in both, pointing at different blobs
 * @param deleted paths only in the older manifest
 * @param renamed paths moved with their content unchanged
 */
public record ManifestDiff(
    List<ManifestEntry> added,
    List<Change> changed,
    List<ManifestEntry> deleted,
    List<Rename> renamed) {

  /**
   * A path whose content changed.
   *
   * @param path the path
   * @param before its blob in the older manifest
   * @param after its blob in the newer manifest
   */
  public record Change(RepoPath path, Sha256 before, Sha256 after) {
    public Change {
      requireNonNull(path, "path is null");
      requireNonNull(before, "before is null");
      requireNonNull(after, "after is null");
    }
  }

  /**
   * A file moved without changing.
   *
   * @param from its old path
   * @param to its new path
   * @param sha its blob
   */
  public record Rename(RepoPath from, RepoPath to, Sha256 sha) {
    public Rename {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
      requireNonNull(sha, "sha is null");
    }
  }

  /**
   * One path that differs: absent before ({@code before} null), absent after ({@code after} null)
   * or changed.
   *
   * @param path the path
   * @param before its blob in the older manifest, if there
   * @param after its blob in the newer manifest, if there
   */
  public record PathDifference(RepoPath path, @Nullable Sha256 before, @Nullable Sha256 after) {
    public PathDifference {
      requireNonNull(path, "path is null");
      if (before == null && after == null) {
        throw new IllegalArgumentException("a difference needs a before or an after: " + path);
      }
    }
  }

  public ManifestDiff {
    added = List.copyOf(requireNonNull(added, "added is null"));
    changed = List.copyOf(requireNonNull(changed, "changed is null"));
    deleted = List.copyOf(requireNonNull(deleted, "deleted is null"));
    renamed = List.copyOf(requireNonNull(renamed, "renamed is null"));
  }

  /** Classifies path differences, pairing deletions and additions of the same blob as renames. */
  public static ManifestDiff of(List<PathDifference> differences) {
    List<PathDifference> sorted = new ArrayList<>(differences);
    sorted.sort((a, b) -> a.path().compareTo(b.path()));
    List<ManifestEntry> added = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    Map<Sha256, Deque<RepoPath>> deletedBySha = new HashMap<>();
    for (PathDifference difference : sorted) {
      Sha256 before = difference.before();
      Sha256 after = difference.after();
      if (before == null) {
        added.add(new ManifestEntry(difference.path(), requireNonNull(after)));
      } else if (after == null) {
        deletedBySha.computeIfAbsent(before, sha -> new ArrayDeque<>()).add(difference.path());
      } else {
        changed.add(new Change(difference.path(), before, after));
      }
    }
    List<Rename> renamed = new ArrayList<>();
    List<ManifestEntry> stillAdded = new ArrayList<>();
    for (ManifestEntry entry : added) {
      Deque<RepoPath> sources = deletedBySha.get(entry.sha());
      if (sources != null && !sources.isEmpty()) {
        renamed.add(new Rename(sources.removeFirst(), entry.path(), entry.sha()));
      } else {
        stillAdded.add(entry);
      }
    }
    List<ManifestEntry> deleted = new ArrayList<>();
    deletedBySha.forEach(
        (sha, paths) -> paths.forEach(path -> deleted.add(new ManifestEntry(path, sha))));
    Collections.sort(deleted);
    return new ManifestDiff(stillAdded, changed, deleted, renamed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && deleted.isEmpty() && renamed.isEmpty();
  }
}
