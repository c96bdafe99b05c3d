package dev.atelier.codeintel.internal.embedding;

import dev.atelier.repos.FileClass;
import org.jspecify.annotations.Nullable;

/**
 * How soon the worker embeds a chunk, most useful first. {@link #CODE} and {@link #FILE} are what
 * "semantic search covers the repository" counts; tests, generated files, vendored code and blobs
 * no current manifest holds come after them (text and symbol search cover those from the start).
 */
enum ChunkPriority {
  /** A function, method, type or other definition outside tests, in a current manifest. */
  CODE,
  /** A file-level window (a file without definitions) outside tests, in a current manifest. */
  FILE,
  /** Anything the indexer classed as a test or test data. */
  TEST,
  /**
   * A file written by a tool ("Code generated ... DO NOT EDIT.", {@code *.pb.go}): tables and
   * rewrite rules, 15% of the Go stdlib's chunks, rarely what a search is after.
   */
  GENERATED,
  /** Someone else's code copied into the tree ({@code vendor/}, {@code third_party/}). */
  VENDORED,
  /** A blob that only older manifests hold. */
  STALE;

  /** {@code currentClass}: the class of the chunk's blob in a current manifest, if any. */
  static ChunkPriority of(@Nullable FileClass currentClass, boolean fileLevel) {
    if (currentClass == null) {
      return STALE;
    }
    return switch (currentClass) {
      case TEST -> TEST;
      case GENERATED -> GENERATED;
      case VENDORED -> VENDORED;
      case SOURCE, DOCUMENTATION -> fileLevel ? FILE : CODE;
    };
  }

  boolean core() {
    return this == CODE || this == FILE;
  }
}
