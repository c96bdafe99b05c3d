package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes to apply to a branch's current manifest: paths (re)pointed at blobs or reclassified,
 * paths removed. An incremental update writes these instead of the whole file list.
 *
 * @param upserts entries added or changed (content or class), each path once
 * @param deletions paths deleted (or now skipped)
 */
public record ManifestChanges(List<ManifestEntry> upserts, Set<RepoPath> deletions) {

  public ManifestChanges {
    upserts = List.copyOf(requireNonNull(upserts, "upserts is null"));
    deletions = Set.copyOf(requireNonNull(deletions, "deletions is null"));
    Set<RepoPath> both = new HashSet<>();
    for (ManifestEntry entry : upserts) {
      if (!both.add(entry.path())) {
        throw new IllegalArgumentException("path changed twice: " + entry.path());
      }
    }
    both.retainAll(deletions);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("paths both changed and deleted: " + both);
    }
  }

  public boolean isEmpty() {
    return upserts.isEmpty() && deletions.isEmpty();
  }
}
