package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.GraphAnalysis;
import dev.atelier.codeintel.GraphError;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.platform.AtelierException;
import dev.atelier.repos.FileClass;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One branch's code graph as int-indexed arrays: files by path order, symbols grouped by file, the
 * file graph (imports and resolved references between files) in both directions, and the symbol
 * reference graph aggregated per (referencing symbol, referenced symbol). Immutable once built; the
 * analyses that are the same for every call (PageRank, communities) are memoised here.
 */
public final class BranchGraph {

  final String[] paths;
  private final Map<String, Integer> fileByPath;
  final Adjacency out;
  final Adjacency in;

  /** Symbols of file {@code f}: {@code fileSymbols[f] .. fileSymbols[f] + fileSymbolCount[f]}. */
  final int[] fileSymbols;

  final int[] fileSymbolCount;
  final int[] symFile;
  final int[] symOrdinal;
  final int[] symParent;
  final int[] symLine;
  final SymbolKind[] symKind;
  final String[] symName;
  final String[] symQualified;
  final String[] symSignature;
  private final Map<String, int[]> byName;

  /** Reference edges: from a symbol (or -1 at top level) in a file, to a symbol. */
  final int[] refFromSym;

  final int[] refFromFile;
  final int[] refTo;
  final int[] refCount;
  final int[] refCalls;
  final int[] symOutStart;
  final int[] symOutEdges;
  final int[] symInStart;
  final int[] symInEdges;

  /** Whether the indexer classed each file as a test, and what its name says it tests (or null). */
  final boolean[] test;

  final @Nullable String[] testSubject;

  /** Tests and test data: they rank no one (references into them are mostly name collisions). */
  final boolean[] peripheral;

  /** What the indexer decided each file is. */
  final FileClass[] classes;

  /** Each file's total outgoing weight, for PageRank and symbol scores. */
  final int[] outWeight;

  private volatile double @Nullable [] ranks;
  private volatile int @Nullable [] rankWeights;
  private volatile GraphAnalysis.@Nullable Communities communities;

  BranchGraph(
      String[] paths,
      FileClass[] classes,
      Adjacency out,
      Adjacency in,
      Symbols symbols,
      int[] refFromSym,
      int[] refFromFile,
      int[] refTo,
      int[] refCount,
      int[] refCalls) {
    this.paths = paths;
    this.fileByPath = new HashMap<>(paths.length * 2);
    for (int f = 0; f < paths.length; f++) {
      fileByPath.put(paths[f], f);
    }
    this.out = out;
    this.in = in;
    this.classes = classes;
    this.test = new boolean[paths.length];
    this.testSubject = new String[paths.length];
    for (int f = 0; f < paths.length; f++) {
      test[f] = classes[f] == FileClass.TEST;
      testSubject[f] = test[f] ? TestFiles.subject(paths[f]) : null;
    }
    this.peripheral = test;
    this.outWeight = new int[paths.length];
    for (int f = 0; f < paths.length; f++) {
      for (int e = out.start[f]; e < out.start[f + 1]; e++) {
        outWeight[f] += out.weight(e);
      }
    }
    this.fileSymbols = symbols.fileStart;
    this.fileSymbolCount = symbols.fileCount;
    this.symFile = symbols.file;
    this.symOrdinal = symbols.ordinal;
    this.symParent = symbols.parent;
    this.symLine = symbols.line;
    this.symKind = symbols.kind;
    this.symName = symbols.name;
    this.symQualified = symbols.qualified;
    this.symSignature = symbols.signature;
    this.byName = new HashMap<>(symName.length * 3);
    for (int s = 0; s < symName.length; s++) {
      index(symName[s], s);
      if (!symQualified[s].equals(symName[s])) {
        index(symQualified[s], s);
      }
    }
    this.refFromSym = refFromSym;
    this.refFromFile = refFromFile;
    this.refTo = refTo;
    this.refCount = refCount;
    this.refCalls = refCalls;
    int symbolCount = symName.length;
    this.symOutStart = new int[symbolCount + 1];
    this.symInStart = new int[symbolCount + 1];
    int outEdges = 0;
    for (int e = 0; e < refTo.length; e++) {
      if (refFromSym[e] >= 0) {
        symOutStart[refFromSym[e] + 1]++;
        outEdges++;
      }
      symInStart[refTo[e] + 1]++;
    }
    for (int s = 0; s < symbolCount; s++) {
      symOutStart[s + 1] += symOutStart[s];
      symInStart[s + 1] += symInStart[s];
    }
    this.symOutEdges = new int[outEdges];
    this.symInEdges = new int[refTo.length];
    int[] outFill = Arrays.copyOf(symOutStart, symbolCount);
    int[] inFill = Arrays.copyOf(symInStart, symbolCount);
    for (int e = 0; e < refTo.length; e++) {
      if (refFromSym[e] >= 0) {
        symOutEdges[outFill[refFromSym[e]]++] = e;
      }
      symInEdges[inFill[refTo[e]]++] = e;
    }
  }

  /** Symbols in column form, grouped by file, as the loader reads them. */
  record Symbols(
      int[] fileStart,
      int[] fileCount,
      int[] file,
      int[] ordinal,
      int[] parent,
      int[] line,
      SymbolKind[] kind,
      String[] name,
      String[] qualified,
      String[] signature) {}

  private void index(String key, int symbol) {
    int[] old = byName.get(key);
    if (old == null) {
      byName.put(key, new int[] {symbol});
    } else {
      int[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = symbol;
      byName.put(key, grown);
    }
  }

  public int fileCount() {
    return paths.length;
  }

  public int symbolCount() {
    return symName.length;
  }

  public int fileEdgeCount() {
    return out.other.length;
  }

  public int referenceEdgeCount() {
    return refTo.length;
  }

  /** The file's index, or -1 if the branch has no such file. */
  int file(String path) {
    Integer f = fileByPath.get(path);
    return f == null ? -1 : f;
  }

  /** Symbols whose name or qualified name is {@code name}, in file then ordinal order. */
  int[] definitions(String name) {
    int[] found = byName.get(name);
    return found == null ? new int[0] : found;
  }

  /** Whether {@code ancestor} encloses {@code symbol} (directly or not). */
  boolean encloses(int ancestor, int symbol) {
    for (int p = symParent[symbol]; p >= 0; p = symParent[p]) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The definitions plus every symbol they enclose (a type's members), without repeats. */
  int[] withMembers(int[] definitions) {
    java.util.LinkedHashSet<Integer> all = new java.util.LinkedHashSet<>();
    for (int d : definitions) {
      all.add(d);
      int f = symFile[d];
      for (int s = fileSymbols[f]; s < fileSymbols[f] + fileSymbolCount[f]; s++) {
        if (encloses(d, s)) {
          all.add(s);
        }
      }
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The weights PageRank gives the slots of {@link #out}, computed once per graph. */
  int[] rankWeights() {
    int[] weights = rankWeights;
    if (weights == null) {
      weights = RankWeights.of(this);
      rankWeights = weights;
    }
    return weights;
  }

  double @Nullable [] cachedRanks() {
    return ranks;
  }

  void cacheRanks(double[] computed) {
    ranks = computed;
  }

  GraphAnalysis.@Nullable Communities cachedCommunities() {
    return communities;
  }

  void cacheCommunities(GraphAnalysis.Communities computed) {
    communities = computed;
  }

  /** The file's index; an agent-actionable error if the branch has no such file. */
  int requireFile(String path) {
    int f = file(path);
    if (f < 0) {
      throw new AtelierException(
          GraphError.UNKNOWN_FILE,
          "unknown file '" + path + "': not in the indexed branch (paths are repository-relative)");
    }
    return f;
  }

  /** The symbol's definitions; an agent-actionable error if there are none. */
  int[] requireDefinitions(String name) {
    int[] found = definitions(name);
    if (found.length == 0) {
      throw new AtelierException(
          GraphError.UNKNOWN_SYMBOL,
          "unknown symbol '"
              + name
              + "': no definition has that name or qualified name; try"
              + " search_symbols");
    }
    return found;
  }

  GraphAnalysis.Symbol symbol(int s) {
    return new GraphAnalysis.Symbol(
        paths[symFile[s]], symLine[s], symKind[s], symName[s], symQualified[s], symSignature[s]);
  }
}
