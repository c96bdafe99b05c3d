package dev.atelier.codeintel.internal.embedding;

import dev.atelier.codeintel.internal.insights.TestFiles;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How soon the worker embeds a chunk, most useful first. {@link #CODE} and {@link #FILE} are what
 * "semantic search covers the repository" counts; tests, generated files, test data and blobs no
 * current manifest holds come after them (text and symbol search cover those from the start).
 */
enum ChunkPriority {
  /** A function, method, type or other definition outside tests, in a current manifest. */
  CODE,
  /** A file-level window (a file without definitions) outside tests, in a current manifest. */
  FILE,
  /** Anything in a test file ({@code foo_test.go}, {@code FooTest.java}, {@code tests/}, ...). */
  TEST,
  /**
   * A file its generator marked ("Code generated ... DO NOT EDIT.", "@generated"): tables and
   * rewrite rules, 15% of the Go stdlib's chunks, rarely what a search is after.
   */
  GENERATED,
  /** Anything under a {@code testdata/} folder: fixtures, rarely what a search is after. */
  TEST_DATA,
  /** A blob that only older manifests hold. */
  STALE;

  private static final Set<String> TEST_DATA_FOLDERS = Set.of("testdata", "test-data");

  /** {@code currentPath}: a path of the chunk's blob in a branch's current manifest, if any. */
  static ChunkPriority of(@Nullable String currentPath, boolean fileLevel, boolean generated) {
    if (currentPath == null) {
      return STALE;
    }
    String[] segments = currentPath.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (TEST_DATA_FOLDERS.contains(segments[i])) {
        return TEST_DATA;
      }
    }
    if (TestFiles.isTest(currentPath)) {
      return TEST;
    }
    if (generated) {
      return GENERATED;
    }
    return fileLevel ? FILE : CODE;
  }

  boolean core() {
    return this == CODE || this == FILE;
  }
}
