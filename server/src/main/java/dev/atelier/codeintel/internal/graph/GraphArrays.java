package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.cache.CacheReader;
import dev.atelier.codeintel.internal.cache.CacheWriter;
import dev.atelier.codeintel.internal.cache.CorruptCacheFile;
import dev.atelier.repos.FileClass;

/**
 * What {@link GraphLoader} reads from the database for one branch, before the derived indexes
 * (adjacency rows, names, reverse edges) are built: the part worth keeping in a cache file, since
 * reading it is the slow step and deriving the rest takes milliseconds.
 *
 * @param paths files in path order
 * @param classes each file's class
 * @param edgeFrom file edges, sorted by (from, to): the referencing or importing file
 * @param edgeTo the file it depends on
 * @param edgeImports imports along the edge
 * @param edgeRefs resolved references along the edge
 */
record GraphArrays(
    String[] paths,
    FileClass[] classes,
    int[] edgeFrom,
    int[] edgeTo,
    int[] edgeImports,
    int[] edgeRefs,
    BranchGraph.Symbols symbols,
    int[] refFromSym,
    int[] refFromFile,
    int[] refTo,
    int[] refCount,
    int[] refCalls) {

  BranchGraph graph() {
    return new BranchGraph(
        paths,
        classes,
        Adjacency.of(paths.length, edgeFrom, edgeTo, edgeImports, edgeRefs),
        Adjacency.of(paths.length, edgeTo, edgeFrom, edgeImports, edgeRefs),
        symbols,
        refFromSym,
        refFromFile,
        refTo,
        refCount,
        refCalls);
  }

  void write(CacheWriter out) {
    out.writeStrings(paths);
    int[] classIds = new int[classes.length];
    for (int i = 0; i < classes.length; i++) {
      classIds[i] = classes[i].ordinal();
    }
    out.writeInts(classIds);
    out.writeInts(edgeFrom);
    out.writeInts(edgeTo);
    out.writeInts(edgeImports);
    out.writeInts(edgeRefs);
    out.writeInts(symbols.fileStart());
    out.writeInts(symbols.fileCount());
    out.writeInts(symbols.file());
    out.writeInts(symbols.ordinal());
    out.writeInts(symbols.parent());
    out.writeInts(symbols.line());
    String[] kinds = new String[symbols.kind().length];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = symbols.kind()[i].id();
    }
    out.writeStrings(kinds);
    out.writeStrings(symbols.name());
    out.writeStrings(symbols.qualified());
    out.writeStrings(symbols.signature());
    out.writeInts(refFromSym);
    out.writeInts(refFromFile);
    out.writeInts(refTo);
    out.writeInts(refCount);
    out.writeInts(refCalls);
  }

  static GraphArrays read(CacheReader in) {
    String[] paths = in.readStrings();
    int[] classIds = in.readInts();
    FileClass[] all = FileClass.values();
    FileClass[] classes = new FileClass[classIds.length];
    for (int i = 0; i < classIds.length; i++) {
      if (classIds[i] < 0 || classIds[i] >= all.length) {
        throw new CorruptCacheFile("unknown file class " + classIds[i]);
      }
      classes[i] = all[classIds[i]];
    }
    int[] edgeFrom = in.readInts();
    int[] edgeTo = in.readInts();
    int[] edgeImports = in.readInts();
    int[] edgeRefs = in.readInts();
    int[] fileStart = in.readInts();
    int[] fileCount = in.readInts();
    int[] file = in.readInts();
    int[] ordinal = in.readInts();
    int[] parent = in.readInts();
    int[] line = in.readInts();
    String[] kindIds = in.readStrings();
    SymbolKind[] kinds = new SymbolKind[kindIds.length];
    java.util.Map<String, SymbolKind> known = new java.util.HashMap<>();
    for (int i = 0; i < kindIds.length; i++) {
      kinds[i] = known.computeIfAbsent(kindIds[i], SymbolKind::ofId);
    }
    BranchGraph.Symbols symbols =
        new BranchGraph.Symbols(
            fileStart,
            fileCount,
            file,
            ordinal,
            parent,
            line,
            kinds,
            in.readStrings(),
            in.readStrings(),
            in.readStrings());
    GraphArrays arrays =
        new GraphArrays(
            paths,
            classes,
            edgeFrom,
            edgeTo,
            edgeImports,
            edgeRefs,
            symbols,
            in.readInts(),
            in.readInts(),
            in.readInts(),
            in.readInts(),
            in.readInts());
    arrays.check();
    return arrays;
  }

  /** Sizes and indexes that must agree, so that a damaged file cannot index out of bounds later. */
  private void check() {
    int files = paths.length;
    int symbolCount = symbols.name().length;
    requireLength(classes.length, files);
    requireLength(symbols.fileStart().length, files);
    requireLength(symbols.fileCount().length, files);
    int edges = edgeFrom.length;
    requireLength(edgeTo.length, edges);
    requireLength(edgeImports.length, edges);
    requireLength(edgeRefs.length, edges);
    requireIndexes(edgeFrom, files, 0);
    requireIndexes(edgeTo, files, 0);
    for (int[] column :
        new int[][] {symbols.file(), symbols.ordinal(), symbols.parent(), symbols.line()}) {
      requireLength(column.length, symbolCount);
    }
    requireLength(symbols.kind().length, symbolCount);
    requireLength(symbols.qualified().length, symbolCount);
    requireLength(symbols.signature().length, symbolCount);
    requireIndexes(symbols.file(), files, 0);
    requireIndexes(symbols.parent(), symbolCount, -1);
    int refs = refTo.length;
    requireLength(refFromSym.length, refs);
    requireLength(refFromFile.length, refs);
    requireLength(refCount.length, refs);
    requireLength(refCalls.length, refs);
    requireIndexes(refTo, symbolCount, 0);
    requireIndexes(refFromSym, symbolCount, -1);
    requireIndexes(refFromFile, files, 0);
    for (int f = 0; f < files; f++) {
      int start = symbols.fileStart()[f];
      int count = symbols.fileCount()[f];
      if (start < 0 || count < 0 || start + count > symbolCount) {
        throw new CorruptCacheFile("symbol range of file " + f + " is out of bounds");
      }
    }
  }

  private static void requireLength(int length, int expected) {
    if (length != expected) {
      throw new CorruptCacheFile("column of " + length + " where " + expected + " were expected");
    }
  }

  private static void requireIndexes(int[] values, int size, int lowest) {
    for (int value : values) {
      if (value < lowest || value >= size) {
        throw new CorruptCacheFile("index " + value + " outside 0.." + size);
      }
    }
  }
}
