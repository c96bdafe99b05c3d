package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.GraphAnalysis.MapFile;
import dev.atelier.codeintel.GraphAnalysis.RepoMap;
import dev.atelier.codeintel.GraphAnalysis.Symbol;
import dev.atelier.codeintel.SymbolKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An Aider-style repo map: files by PageRank, each with the symbols other files reference most
 * (each reference weighted by its file's rank share), in line order; files nobody references show
 * their top-level types and functions instead.
 */
public final class RepoMapper {

  private final BranchGraph g;

  public RepoMapper(BranchGraph graph) {
    this.g = graph;
  }

  public RepoMap map(List<String> focus, int maxFiles, int symbolsPerFile) {
    int[] focusFiles = focus.stream().mapToInt(g::requireFile).distinct().toArray();
    double[] ranks = focusFiles.length == 0 ? PageRank.global(g) : PageRank.ranks(g, focusFiles);
    int[] top = topFiles(ranks, maxFiles);
    List<MapFile> files = new ArrayList<>(top.length);
    for (int f : top) {
      files.add(new MapFile(g.paths[f], ranks[f], keySymbols(f, ranks, symbolsPerFile)));
    }
    return new RepoMap(files, g.fileCount());
  }

  /** The {@code limit} files of highest rank, best first (ties by path). */
  int[] topFiles(double[] ranks, int limit) {
    Integer[] order = new Integer[ranks.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(f -> -ranks[f]).thenComparing(f -> g.paths[f]));
    int count = Math.max(0, Math.min(limit, order.length));
    int[] top = new int[count];
    for (int i = 0; i < count; i++) {
      top[i] = order[i];
    }
    return top;
  }

  /** The file's symbols most referenced from other files, best first, at most {@code limit}. */
  int[] rankedSymbols(int f, double[] ranks, int limit) {
    int start = g.fileSymbols[f];
    int count = g.fileSymbolCount[f];
    double[] score = new double[count];
    for (int s = start; s < start + count; s++) {
      for (int i = g.symInStart[s]; i < g.symInStart[s + 1]; i++) {
        int e = g.symInEdges[i];
        int from = g.refFromFile[e];
        if (from != f && g.outWeight[from] > 0) {
          score[s - start] += ranks[from] * g.refCount[e] / g.outWeight[from];
        }
      }
    }
    return java.util.stream.IntStream.range(0, count)
        .filter(i -> score[i] > 0)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i))
        .limit(Math.max(0, limit))
        .mapToInt(i -> start + i)
        .toArray();
  }

  private List<Symbol> keySymbols(int f, double[] ranks, int limit) {
    int[] chosen = rankedSymbols(f, ranks, limit);
    if (chosen.length == 0) {
      int start = g.fileSymbols[f];
      chosen =
          java.util.stream.IntStream.range(start, start + g.fileSymbolCount[f])
              .filter(s -> g.symParent[s] < 0 && outline(g.symKind[s]))
              .limit(Math.max(0, limit))
              .toArray();
    }
    return Arrays.stream(chosen).sorted().mapToObj(g::symbol).toList();
  }

  private static boolean outline(SymbolKind kind) {
    return switch (kind) {
      case FIELD, VARIABLE, CONSTANT, ENUM_MEMBER, PROPERTY -> false;
      default -> true;
    };
  }
}
