package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.SymbolKind;
import java.util.HashMap;
import java.util.Map;

/**
 * The file-graph edge weights PageRank follows, which leave out two kinds of edge that say nothing
 * about what a file means to the code around it:
 *
 * <ul>
 *   <li><b>Annotation-only</b>: references to annotation types (Java {@code @interface}) and their
 *       elements, and imports of files that declare nothing else. On Guava {@code @GwtCompatible}
 *       is on 344 of 615 files; followed, it tops the repo map.
 *   <li><b>Utility</b>: every edge into a file that at least {@link #UTILITY_SHARE} of the central
 *       files (not tests) depend on, in graphs of at least {@link #UTILITY_MIN_FILES} central
 *       files. {@code Preconditions} (51% of Guava's files, all for {@code checkNotNull}) is
 *       plumbing, not the core; {@code ImmutableList} (15%) stays.
 * </ul>
 *
 * The edges stay in the graph for impact, paths and drawing; only the ranking skips them. Measured
 * on Guava (615 files, {@code atelier tool repo_map}): the top five were Preconditions (rank
 * 0.178), GwtCompatible (0.138), Strings and Platform (reached through {@code checkNotNull}'s
 * message formatting) and GwtIncompatible; with these weights they are Multiset, Multisets,
 * Function, UnmodifiableIterator and ImmutableList.
 */
final class RankWeights {

  /** Share of central files depending on a file past which it is a utility. */
  static final double UTILITY_SHARE = 0.4;

  /** Below this many central files, a widely used file is the core of a small project. */
  static final int UTILITY_MIN_FILES = 30;

  private RankWeights() {}

  /** A weight per slot of {@code g.out}: imports plus references, less what is left out above. */
  static int[] of(BranchGraph g) {
    boolean[] annotation = annotationSymbols(g);
    boolean[] annotationFile = annotationFiles(g, annotation);
    // References per (from file, to file), counting only those to symbols that are not annotations.
    Map<Long, Integer> refs = new HashMap<>();
    for (int e = 0; e < g.refTo.length; e++) {
      int from = g.refFromFile[e];
      int to = g.symFile[g.refTo[e]];
      if (from != to && !annotation[g.refTo[e]]) {
        refs.merge((long) from << 32 | to, g.refCount[e], Integer::sum);
      }
    }
    int n = g.fileCount();
    int[] weight = new int[g.out.other.length];
    int[] dependents = new int[n];
    for (int u = 0; u < n; u++) {
      for (int e = g.out.start[u]; e < g.out.start[u + 1]; e++) {
        int v = g.out.other[e];
        weight[e] =
            (annotationFile[v] ? 0 : g.out.imports[e]) + refs.getOrDefault((long) u << 32 | v, 0);
        if (weight[e] > 0 && !g.peripheral[u]) {
          dependents[v]++;
        }
      }
    }
    int central = 0;
    for (int f = 0; f < n; f++) {
      central += g.peripheral[f] ? 0 : 1;
    }
    if (central >= UTILITY_MIN_FILES) {
      for (int u = 0; u < n; u++) {
        for (int e = g.out.start[u]; e < g.out.start[u + 1]; e++) {
          if (dependents[g.out.other[e]] >= UTILITY_SHARE * central) {
            weight[e] = 0;
          }
        }
      }
    }
    return weight;
  }

  /** Annotation types and everything declared inside them (their elements). */
  private static boolean[] annotationSymbols(BranchGraph g) {
    int count = g.symKind.length;
    boolean[] type = new boolean[count];
    for (int s = 0; s < count; s++) {
      type[s] = g.symKind[s] == SymbolKind.INTERFACE && g.symSignature[s].contains("@interface");
    }
    boolean[] annotation = new boolean[count];
    for (int s = 0; s < count; s++) {
      for (int p = s; p >= 0 && !annotation[s]; p = g.symParent[p]) {
        annotation[s] = type[p];
      }
    }
    return annotation;
  }

  /** Files whose top-level declarations are all annotation types. */
  private static boolean[] annotationFiles(BranchGraph g, boolean[] annotation) {
    boolean[] only = new boolean[g.fileCount()];
    for (int f = 0; f < only.length; f++) {
      int start = g.fileSymbols[f];
      boolean any = false;
      boolean all = true;
      for (int s = start; s < start + g.fileSymbolCount[f]; s++) {
        if (g.symParent[s] < 0) {
          any = true;
          all &= annotation[s];
        }
      }
      only[f] = any && all;
    }
    return only;
  }
}
