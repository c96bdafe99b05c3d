package dev.atelier.cli;

import java.util.Arrays;
import java.util.List;

/**
 * File-level retrieval metrics of one query set: recall@5 (an expected file among the first five
 * results), MRR@10 (the reciprocal rank of the first expected file, 0 past ten), and latency
 * percentiles.
 */
record RetrievalMetrics(int queries, double recallAt5, double mrrAt10, double p50Ms, double p95Ms) {

  /**
   * The 1-based rank of the first result that is an expected file, or 0 when none is. A result
   * matches an expected path when one ends with the other at a path-segment boundary (the corpus
   * root may sit above or below the folder the expectations are relative to).
   */
  static int firstHit(List<String> results, List<String> expected) {
    for (int i = 0; i < results.size(); i++) {
      for (String want : expected) {
        if (samePath(results.get(i), want)) {
          return i + 1;
        }
      }
    }
    return 0;
  }

  static boolean samePath(String result, String expected) {
    String a = strip(result);
    String b = strip(expected);
    return a.equals(b) || a.endsWith("/" + b) || b.endsWith("/" + a);
  }

  private static String strip(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p.startsWith("/") ? p.substring(1) : p;
  }

  /** The metrics of queries given their first-hit ranks and latencies (milliseconds). */
  static RetrievalMetrics of(List<Integer> ranks, List<Double> latenciesMs) {
    int n = ranks.size();
    if (n == 0) {
      return new RetrievalMetrics(0, 0, 0, 0, 0);
    }
    double hits = 0;
    double reciprocal = 0;
    for (int rank : ranks) {
      if (rank >= 1 && rank <= 5) {
        hits++;
      }
      if (rank >= 1 && rank <= 10) {
        reciprocal += 1.0 / rank;
      }
    }
    double[] sorted = latenciesMs.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new RetrievalMetrics(
        n, hits / n, reciprocal / n, percentile(sorted, 50), percentile(sorted, 95));
  }

  /** Nearest-rank percentile of sorted values (0 when there are none). */
  static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
