package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * A file a source offers for indexing: where it is, the identity of its content, and how to read
 * it. Holding the reader instead of the bytes keeps a whole tree's scan small in memory.
 *
 * @param path normalised, relative, '/'-separated
 * @param sha256 SHA-256 of the content, the blob's identity
 * @param size the content's length in bytes
 * @param content reads the bytes, checking they still hash to {@code sha256}
 */
public record SourceFile(RepoPath path, Sha256 sha256, long size, ContentReader content)
    implements SourceEntry {

  public SourceFile {
    requireNonNull(path, "path is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(content, "content is null");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
  }

  public byte[] bytes() throws IOException {
    return content.read();
  }

  /** This file as a manifest entry. */
  public ManifestEntry entry() {
    return new ManifestEntry(path, sha256);
  }
}
