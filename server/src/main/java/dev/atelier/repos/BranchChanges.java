package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.TreeSet;

/**
 * Paths of one branch that may have changed, as the change feed hands them to the indexer.
 *
 * <p>A path is a hint, not a verdict: it may name a file that was created, modified or deleted, or
 * a folder that was created, deleted or renamed (a folder path means: re-check everything under
 * it). A rename shows up as two paths, the old and the new one. The handler re-hashes what is there
 * now and drops what is gone.
 *
 * @param orgId the org the repository belongs to (changes are indexed in that org)
 * @param repository the repository
 * @param branch the branch name, e.g. {@code main}
 * @param paths the changed paths, sorted; empty when {@code fullRescan} is set
 * @param fullRescan everything may have changed (a checkout, a watcher overflow, too many paths)
 */
public record BranchChanges(
    long orgId, RepositoryId repository, String branch, Set<RepoPath> paths, boolean fullRescan) {

  public BranchChanges {
    requireNonNull(repository, "repository is null");
    requireNonNull(branch, "branch is null");
    requireNonNull(paths, "paths is null");
    if (branch.isBlank()) {
      throw new IllegalArgumentException("branch is blank");
    }
    paths =
        fullRescan ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(paths));
    if (!fullRescan && paths.isEmpty()) {
      throw new IllegalArgumentException("no paths and no full rescan: nothing changed");
    }
  }

  public static BranchChanges of(
      long orgId, RepositoryId repository, String branch, Set<RepoPath> paths) {
    return new BranchChanges(orgId, repository, branch, paths, false);
  }

  public static BranchChanges full(long orgId, RepositoryId repository, String branch) {
    return new BranchChanges(orgId, repository, branch, Set.of(), true);
  }
}
