package dev.atelier.codeintel.internal.graph;

/**
 * One direction of the file graph in compressed sparse rows: the edges of node {@code n} are {@code
 * start[n] .. start[n + 1]}, each with its other end and its import and reference counts.
 */
final class Adjacency {

  final int[] start;
  final int[] other;
  final int[] imports;
  final int[] refs;

  private Adjacency(int[] start, int[] other, int[] imports, int[] refs) {
    this.start = start;
    this.other = other;
    this.imports = imports;
    this.refs = refs;
  }

  /** Rows from edges given as parallel arrays, grouped by {@code from}. */
  static Adjacency of(int nodes, int[] from, int[] to, int[] imports, int[] refs) {
    int[] start = new int[nodes + 1];
    for (int f : from) {
      start[f + 1]++;
    }
    for (int n = 0; n < nodes; n++) {
      start[n + 1] += start[n];
    }
    int[] fill = java.util.Arrays.copyOf(start, nodes);
    int[] other = new int[from.length];
    int[] imp = new int[from.length];
    int[] ref = new int[from.length];
    for (int e = 0; e < from.length; e++) {
      int at = fill[from[e]]++;
      other[at] = to[e];
      imp[at] = imports[e];
      ref[at] = refs[e];
    }
    return new Adjacency(start, other, imp, ref);
  }

  int degree(int node) {
    return start[node + 1] - start[node];
  }

  /** The weight of edge slot {@code e}: references count, and each import counts once. */
  int weight(int e) {
    return imports[e] + refs[e];
  }
}
