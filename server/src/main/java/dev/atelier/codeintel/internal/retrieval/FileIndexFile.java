package dev.atelier.codeintel.internal.retrieval;

import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.cache.CacheReader;
import dev.atelier.codeintel.internal.cache.CacheWriter;
import dev.atelier.codeintel.internal.cache.CorruptCacheFile;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link FileIndex} in a cache file: files, symbol columns and symbol-name postings are read at
 * once (a few MB), the BM25F postings (most of the file) stay mapped and are read per query term.
 */
final class FileIndexFile {

  private FileIndexFile() {}

  static void write(FileIndex index, CacheWriter out) {
    out.writeLong(index.manifestId);
    out.writeLong(index.totalChunks);
    out.writeStrings(index.paths);
    out.writeLongs(index.blobIds);
    out.writeBooleans(index.tests);
    out.writeBooleans(index.code);
    out.writeInts(index.symbolStart);
    out.writeStrings(index.symbolNames);
    String[] kinds = new String[index.symbolKinds.length];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = index.symbolKinds[i].id();
    }
    out.writeStrings(kinds);
    out.writeInts(index.symbolLines);
    out.writeInts(index.symbolEndLines);
    out.writeStrings(index.symbolTexts);
    out.writeInts(index.symbolFiles);
    out.writeInts(index.symbolWordCounts);
    out.writeInts(index.symbolOrdinals);
    out.writeInt(index.symbolPostings.size());
    index.symbolPostings.forEach((word, symbols) -> {
      out.writeString(word);
      out.writeInts(symbols);
    });
    MappedPostings.write(index.postings, out);
  }

  static FileIndex read(CacheReader in) {
    long manifestId = in.readLong();
    long totalChunks = in.readLong();
    String[] paths = in.readStrings();
    int files = paths.length;
    long[] blobIds = in.readLongs();
    boolean[] tests = in.readBooleans();
    boolean[] code = in.readBooleans();
    int[] start = in.readInts();
    String[] names = in.readStrings();
    String[] kindIds = in.readStrings();
    SymbolKind[] kinds = new SymbolKind[kindIds.length];
    Map<String, SymbolKind> known = new HashMap<>();
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = known.computeIfAbsent(kindIds[i], SymbolKind::ofId);
    }
    FileIndex.Symbols symbols =
        new FileIndex.Symbols(
            start,
            names,
            kinds,
            in.readInts(),
            in.readInts(),
            in.readStrings(),
            in.readInts(),
            in.readInts(),
            in.readInts());
    int symbolCount = names.length;
    int words = in.readInt();
    if (words < 0) {
      throw new CorruptCacheFile("negative symbol word count");
    }
    Map<String, int[]> symbolPostings = new HashMap<>(words * 2);
    for (int i = 0; i < words; i++) {
      String word = in.readString();
      int[] ids = in.readInts();
      requireIndexes(ids, symbolCount);
      symbolPostings.put(word, ids);
    }
    check(files, blobIds.length, tests.length, code.length, start.length - 1);
    for (int[] column :
        new int[][] {
          symbols.lines(),
          symbols.endLines(),
          symbols.files(),
          symbols.wordCounts(),
          symbols.ordinals()
        }) {
      check(symbolCount, column.length);
    }
    check(symbolCount, kinds.length, symbols.texts().length);
    requireIndexes(symbols.files(), files);
    requireIndexes(start, symbolCount + 1);
    Map<String, Integer> fileByPath = new HashMap<>(files * 2);
    for (int f = 0; f < files; f++) {
      fileByPath.put(paths[f], f);
    }
    return new FileIndex(
        manifestId,
        paths,
        blobIds,
        tests,
        code,
        MappedPostings.read(in, files),
        symbols,
        symbolPostings,
        totalChunks,
        Map.copyOf(fileByPath));
  }

  private static void check(int expected, int... lengths) {
    for (int length : lengths) {
      if (length != expected) {
        throw new CorruptCacheFile("column of " + length + " where " + expected + " were expected");
      }
    }
  }

  private static void requireIndexes(int[] values, int size) {
    for (int value : values) {
      if (value < 0 || value >= size) {
        throw new CorruptCacheFile("index " + value + " outside 0.." + size);
      }
    }
  }
}
