package dev.atelier.codeintel.internal.retrieval;

import dev.atelier.codeintel.SymbolKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What retrieval knows about one manifest, in memory: its files (path, blob, whether code or a
 * test), BM25F postings over the files, its symbols grouped by file, and a postings list from
 * symbol-name words to symbols. Immutable once built; shared by concurrent queries.
 */
public final class FileIndex {

  static final float K1 = 1.2f;

  final long manifestId;
  final String[] paths;
  final long[] blobIds;
  final boolean[] tests;
  final boolean[] code;
  final TermPostings postings;
  // Symbols sorted by file: file i owns [symbolStart[i], symbolStart[i + 1]).
  final int[] symbolStart;
  final String[] symbolNames;
  final SymbolKind[] symbolKinds;
  final int[] symbolLines;
  final int[] symbolEndLines;
  // Each symbol's signature and doc, lower-cased and shortened, for choosing anchors.
  final String[] symbolTexts;
  final int[] symbolFiles;
  final int[] symbolWordCounts;
  final int[] symbolOrdinals;
  final Map<String, int[]> symbolPostings;
  final long totalChunks;
  final Map<String, Integer> fileByPath;
  private final Set<Long> blobSet;
  private final Map<Long, int[]> filesByBlob;

  FileIndex(
      long manifestId,
      String[] paths,
      long[] blobIds,
      boolean[] tests,
      boolean[] code,
      TermPostings postings,
      Symbols symbols,
      Map<String, int[]> symbolPostings,
      long totalChunks,
      Map<String, Integer> fileByPath) {
    this.manifestId = manifestId;
    this.paths = paths;
    this.blobIds = blobIds;
    this.tests = tests;
    this.code = code;
    this.postings = postings;
    this.symbolStart = symbols.start();
    this.symbolNames = symbols.names();
    this.symbolKinds = symbols.kinds();
    this.symbolLines = symbols.lines();
    this.symbolEndLines = symbols.endLines();
    this.symbolTexts = symbols.texts();
    this.symbolFiles = symbols.files();
    this.symbolWordCounts = symbols.wordCounts();
    this.symbolOrdinals = symbols.ordinals();
    this.symbolPostings = symbolPostings;
    this.totalChunks = totalChunks;
    this.fileByPath = fileByPath;
    Map<Long, List<Integer>> byBlob = new HashMap<>();
    for (int i = 0; i < blobIds.length; i++) {
      byBlob.computeIfAbsent(blobIds[i], k -> new ArrayList<>()).add(i);
    }
    this.filesByBlob = new HashMap<>();
    byBlob.forEach((blob, files) ->
        filesByBlob.put(blob, files.stream().mapToInt(Integer::intValue).toArray()));
    this.blobSet = Set.copyOf(byBlob.keySet());
  }

  /** How many definitions the file holds. */
  int symbolsOf(int file) {
    return symbolStart[file + 1] - symbolStart[file];
  }

  /** The median of the code files' definition counts (at least 1). */
  int medianSymbols() {
    int[] counts = new int[fileCount()];
    int n = 0;
    for (int f = 0; f < fileCount(); f++) {
      if (code[f]) {
        counts[n++] = symbolsOf(f);
      }
    }
    if (n == 0) {
      return 1;
    }
    int[] sorted = java.util.Arrays.copyOf(counts, n);
    java.util.Arrays.sort(sorted);
    return Math.max(1, sorted[n / 2]);
  }

  /** The manifest's blobs, for restricting vector search to it. */
  public Set<Long> blobSet() {
    return blobSet;
  }

  /** The files whose content is this blob (usually one). */
  int[] filesOfBlob(long blobId) {
    return filesByBlob.getOrDefault(blobId, new int[0]);
  }

  public long blobId(int file) {
    return blobIds[file];
  }

  public boolean isTest(int file) {
    return tests[file];
  }

  public long manifestId() {
    return manifestId;
  }

  public int fileCount() {
    return paths.length;
  }

  public int symbolCount() {
    return symbolNames.length;
  }

  public long totalChunks() {
    return totalChunks;
  }

  public String path(int file) {
    return paths[file];
  }

  /** The file's index, or -1. */
  public int file(String path) {
    return fileByPath.getOrDefault(path, -1);
  }

  /** A term's files and their BM25F pseudo-frequencies (weighted, length-normalised). */
  record Postings(int[] files, float[] weights) {}

  /** The symbol columns, sorted by file. */
  record Symbols(
      int[] start,
      String[] names,
      SymbolKind[] kinds,
      int[] lines,
      int[] endLines,
      String[] texts,
      int[] files,
      int[] wordCounts,
      int[] ordinals) {}

  /** The distinct query terms, in order of first appearance. */
  static List<String> queryTerms(String query) {
    return Terms.of(query).stream().distinct().toList();
  }
}
