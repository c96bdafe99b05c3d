package dev.atelier.codeintel.internal.graph;

import java.util.Arrays;

/**
 * Louvain community detection on an undirected weighted graph: local moving of nodes to the
 * neighbouring community with the best modularity gain, then aggregation, until nothing moves.
 * Deterministic: nodes are visited in index order and ties keep the first community found.
 */
final class Louvain {

  private static final int MAX_PASSES = 50;
  private static final double EPSILON = 1e-12;

  /** A weighted graph in CSR form; {@code self} holds each node's self-loop weight. */
  record Graph(int[] start, int[] other, double[] weight, double[] self) {
    int size() {
      return self.length;
    }

    double degree(int u) {
      double k = self[u];
      for (int e = start[u]; e < start[u + 1]; e++) {
        k += weight[e];
      }
      return k;
    }
  }

  private Louvain() {}

  /** The community of each node, numbered from 0 in order of first member. */
  static int[] communities(Graph graph) {
    int n = graph.size();
    int[] membership = new int[n];
    Arrays.setAll(membership, i -> i);
    Graph level = graph;
    while (true) {
      int[] moved = localMoving(level);
      int count = renumber(moved);
      if (count == level.size()) {
        break;
      }
      for (int u = 0; u < n; u++) {
        membership[u] = moved[membership[u]];
      }
      level = aggregate(level, moved, count);
    }
    renumber(membership);
    return membership;
  }

  /** Newman's modularity of a partition. */
  static double modularity(Graph graph, int[] community) {
    int n = graph.size();
    double total = 0;
    double[] inside = new double[n];
    double[] tot = new double[n];
    for (int u = 0; u < n; u++) {
      double k = graph.degree(u);
      total += k;
      tot[community[u]] += k;
      inside[community[u]] += graph.self()[u];
      for (int e = graph.start()[u]; e < graph.start()[u + 1]; e++) {
        if (community[graph.other()[e]] == community[u]) {
          inside[community[u]] += graph.weight()[e];
        }
      }
    }
    if (total == 0) {
      return 0;
    }
    double q = 0;
    for (int c = 0; c < n; c++) {
      q += inside[c] / total - (tot[c] / total) * (tot[c] / total);
    }
    return q;
  }

  // Weights are positive, so a zero sum in toCommunity means the community is not touched yet.
  private static int[] localMoving(Graph g) {
    int n = g.size();
    double[] k = new double[n];
    double m2 = 0;
    for (int u = 0; u < n; u++) {
      k[u] = g.degree(u);
      m2 += k[u];
    }
    int[] community = new int[n];
    Arrays.setAll(community, i -> i);
    double[] tot = k.clone();
    if (m2 == 0) {
      return community;
    }
    double[] toCommunity = new double[n];
    int[] touched = new int[n];
    boolean improved = true;
    for (int pass = 0; pass < MAX_PASSES && improved; pass++) {
      improved = false;
      for (int u = 0; u < n; u++) {
        int own = community[u];
        int touchedCount = 0;
        touched[touchedCount++] = own;
        toCommunity[own] = 0;
        for (int e = g.start()[u]; e < g.start()[u + 1]; e++) {
          int c = community[g.other()[e]];
          if (g.other()[e] == u) {
            continue;
          }
          if (toCommunity[c] == 0 && c != own) {
            touched[touchedCount++] = c;
          }
          toCommunity[c] += g.weight()[e];
        }
        tot[own] -= k[u];
        int best = own;
        double bestGain = toCommunity[own] - tot[own] * k[u] / m2;
        for (int i = 0; i < touchedCount; i++) {
          int c = touched[i];
          double gain = toCommunity[c] - tot[c] * k[u] / m2;
          if (gain > bestGain + EPSILON) {
            best = c;
            bestGain = gain;
          }
        }
        tot[best] += k[u];
        community[u] = best;
        if (best != own) {
          improved = true;
        }
        for (int i = 0; i < touchedCount; i++) {
          toCommunity[touched[i]] = 0;
        }
      }
    }
    return community;
  }

  /** Renumbers community labels in place to 0..count-1 by first appearance; returns count. */
  private static int renumber(int[] community) {
    int[] label = new int[community.length];
    Arrays.fill(label, -1);
    int count = 0;
    for (int u = 0; u < community.length; u++) {
      int c = community[u];
      if (label[c] < 0) {
        label[c] = count++;
      }
      community[u] = label[c];
    }
    return count;
  }

  private static Graph aggregate(Graph g, int[] community, int count) {
    int n = g.size();
    int[] memberStart = new int[count + 1];
    for (int u = 0; u < n; u++) {
      memberStart[community[u] + 1]++;
    }
    for (int c = 0; c < count; c++) {
      memberStart[c + 1] += memberStart[c];
    }
    int[] members = new int[n];
    int[] fill = Arrays.copyOf(memberStart, count);
    for (int u = 0; u < n; u++) {
      members[fill[community[u]]++] = u;
    }
    double[] self = new double[count];
    double[] acc = new double[count];
    int[] touched = new int[count];
    IntList start = new IntList(count + 1);
    IntList other = new IntList(g.other().length / 2 + 1);
    double[] weight = new double[Math.max(1, g.other().length)];
    start.add(0);
    int edges = 0;
    for (int c = 0; c < count; c++) {
      int touchedCount = 0;
      for (int i = memberStart[c]; i < memberStart[c + 1]; i++) {
        int u = members[i];
        self[c] += g.self()[u];
        for (int e = g.start()[u]; e < g.start()[u + 1]; e++) {
          int d = community[g.other()[e]];
          if (d == c) {
            self[c] += g.weight()[e];
          } else {
            if (acc[d] == 0) {
              touched[touchedCount++] = d;
            }
            acc[d] += g.weight()[e];
          }
        }
      }
      Arrays.sort(touched, 0, touchedCount);
      for (int i = 0; i < touchedCount; i++) {
        other.add(touched[i]);
        weight[edges++] = acc[touched[i]];
        acc[touched[i]] = 0;
      }
      start.add(edges);
    }
    return new Graph(start.toArray(), other.toArray(), Arrays.copyOf(weight, edges), self);
  }
}
