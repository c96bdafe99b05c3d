package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One file of a manifest: its path, the blob holding its content, and what kind of file it is.
 *
 * @param path where the file is in the branch
 * @param sha the blob's identity
 * @param fileClass what kind of file it is; null when not classified (a row written before
 *     classification existed, reclassified by the branch's next index run, or a diff's entry)
 */
public record ManifestEntry(RepoPath path, Sha256 sha, @Nullable FileClass fileClass)
    implements Comparable<ManifestEntry> {

  public ManifestEntry {
    requireNonNull(path, "path is null");
    requireNonNull(sha, "sha is null");
  }

  /** An entry whose class is not known (yet). */
  public ManifestEntry(RepoPath path, Sha256 sha) {
    this(path, sha, null);
  }

  @Override
  public int compareTo(ManifestEntry other) {
    return path.compareTo(other.path);
  }
}
