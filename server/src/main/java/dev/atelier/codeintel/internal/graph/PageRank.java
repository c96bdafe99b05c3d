package dev.atelier.codeintel.internal.graph;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Weighted PageRank over the file graph (edge weight: references plus imports, less annotation-only
 * and utility edges: see {@link RankWeights}), optionally personalised: the random surfer teleports
 * to the focus files instead of anywhere. Tests and test data receive no rank (no teleport, no
 * edges into them) unless they are the focus.
 */
final class PageRank {

  private static final double DAMPING = 0.85;
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-9;

  private PageRank() {}

  /** The unpersonalised ranks, computed once per loaded graph. */
  static double[] global(BranchGraph g) {
    double[] ranks = g.cachedRanks();
    if (ranks == null) {
      ranks = ranks(g, null);
      g.cacheRanks(ranks);
    }
    return ranks;
  }

  /** Ranks summing to 1; {@code focus} (file indexes) personalises them when not null. */
  static double[] ranks(BranchGraph g, int @Nullable [] focus) {
    int n = g.fileCount();
    double[] teleport = new double[n];
    boolean[] skip = new boolean[n];
    if (focus == null || focus.length == 0) {
      int central = 0;
      for (int f = 0; f < n; f++) {
        central += g.peripheral[f] ? 0 : 1;
      }
      for (int f = 0; f < n; f++) {
        skip[f] = central > 0 && g.peripheral[f];
        teleport[f] = skip[f] ? 0 : 1.0 / (central > 0 ? central : n);
      }
    } else {
      System.arraycopy(g.peripheral, 0, skip, 0, n);
      for (int f : focus) {
        teleport[f] = 1.0 / focus.length;
        skip[f] = false;
      }
    }
    int[] edgeWeight = g.rankWeights();
    int[] weight = new int[n];
    for (int u = 0; u < n; u++) {
      for (int e = g.out.start[u]; e < g.out.start[u + 1]; e++) {
        weight[u] += skip[g.out.other[e]] ? 0 : edgeWeight[e];
      }
    }
    double[] rank = teleport.clone();
    double[] next = new double[n];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      Arrays.fill(next, 0);
      double dangling = 0;
      for (int u = 0; u < n; u++) {
        int total = weight[u];
        if (total == 0) {
          dangling += rank[u];
          continue;
        }
        double share = DAMPING * rank[u] / total;
        for (int e = g.out.start[u]; e < g.out.start[u + 1]; e++) {
          int v = g.out.other[e];
          if (!skip[v]) {
            next[v] += share * edgeWeight[e];
          }
        }
      }
      double rest = DAMPING * dangling + (1 - DAMPING);
      double change = 0;
      for (int v = 0; v < n; v++) {
        next[v] += rest * teleport[v];
        change += Math.abs(next[v] - rank[v]);
      }
      double[] swap = rank;
      rank = next;
      next = swap;
      if (change < TOLERANCE * Math.max(1, n)) {
        break;
      }
    }
    return rank;
  }
}
