package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

/**
 * One file of a manifest: its path and the blob holding its content.
 *
 * @param path where the file is in the branch
 * @param sha the blob's identity
 */
public record ManifestEntry(RepoPath path, Sha256 sha) implements Comparable<ManifestEntry> {

  public ManifestEntry {
    requireNonNull(path, "path is null");
    requireNonNull(sha, "sha is null");
  }

  @Override
  public int compareTo(ManifestEntry other) {
    return path.compareTo(other.path);
  }
}
