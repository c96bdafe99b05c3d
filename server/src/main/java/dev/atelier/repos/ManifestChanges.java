package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Changes to apply to a branch's current manifest: paths (re)pointed at blobs, paths removed. An
 * incremental update writes these instead of the whole file list.
 *
 * @param upserts paths added or changed, with their new blobs
 * @param deletions paths deleted (or now skipped)
 */
public record ManifestChanges(Map<RepoPath, Sha256> upserts, Set<RepoPath> deletions) {

  public ManifestChanges {
    upserts = Map.copyOf(requireNonNull(upserts, "upserts is null"));
    deletions = Set.copyOf(requireNonNull(deletions, "deletions is null"));
    Set<RepoPath> both = new HashSet<>(deletions);
    both.retainAll(upserts.keySet());
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("paths both changed and deleted: " + both);
    }
  }

  public boolean isEmpty() {
    return upserts.isEmpty() && deletions.isEmpty();
  }
}
