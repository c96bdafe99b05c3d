package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

/**
 * A file (or a whole folder, path ending in {@code /}) a source left out, and why.
 *
 * @param path the path relative to the root, as found (it may be one {@link RepoPath} rejects)
 * @param reason why it was left out
 * @param detail specifics, e.g. the size or the I/O error; empty when the reason says it all
 */
public record SkippedFile(String path, SkipReason reason, String detail) implements SourceEntry {

  public SkippedFile {
    requireNonNull(path, "path is null");
    requireNonNull(reason, "reason is null");
    requireNonNull(detail, "detail is null");
  }

  public SkippedFile(String path, SkipReason reason) {
    this(path, reason, "");
  }

  @Override
  public String toString() {
    return path + ": " + reason.description() + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
