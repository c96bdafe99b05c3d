package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.GraphAnalysis;
import dev.atelier.codeintel.GraphAnalysis.FileLink;
import dev.atelier.codeintel.GraphAnalysis.Filter;
import dev.atelier.codeintel.GraphAnalysis.GraphPath;
import dev.atelier.codeintel.GraphAnalysis.SymbolEdge;
import dev.atelier.codeintel.internal.paths.PathGlob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Breadth-first walks over a loaded graph: calls up or down, file edges, shortest paths. */
public final class GraphWalks {

  /** Walks stop collecting past this many edges; the budgeted text shows far fewer. */
  static final int MAX_EDGES = 10_000;

  private final BranchGraph g;

  public GraphWalks(BranchGraph graph) {
    this.g = graph;
  }

  public boolean hasFile(String path) {
    return g.file(path) >= 0;
  }

  /** Call edges from (down) or into (up) the symbol's definitions, to {@code depth} steps. */
  public List<SymbolEdge> calls(String name, int depth, Filter filter, boolean up) {
    int[] starts = g.requireDefinitions(name);
    PathGlob glob = PathGlob.of(filter.pathGlob());
    int[] seen = new int[g.symbolCount()];
    List<SymbolEdge> edges = new ArrayList<>();
    int[] frontier = starts.clone();
    for (int s : starts) {
      seen[s] = 1;
    }
    for (int level = 1; level <= depth && frontier.length > 0; level++) {
      IntList next = new IntList(16);
      for (int node : frontier) {
        int from = up ? g.symInStart[node] : g.symOutStart[node];
        int to = up ? g.symInStart[node + 1] : g.symOutStart[node + 1];
        for (int i = from; i < to; i++) {
          int e = up ? g.symInEdges[i] : g.symOutEdges[i];
          int other = up ? g.refFromSym[e] : g.refTo[e];
          if (g.refCalls[e] == 0 || other < 0) {
            continue;
          }
          if (keep(other, filter, glob) && edges.size() < MAX_EDGES) {
            edges.add(
                up
                    ? new SymbolEdge(g.symbol(other), g.symbol(node), level, g.refCalls[e])
                    : new SymbolEdge(g.symbol(node), g.symbol(other), level, g.refCalls[e]));
          }
          if (seen[other] == 0) {
            seen[other] = 1;
            next.add(other);
          }
        }
      }
      frontier = next.toArray();
    }
    Comparator<GraphAnalysis.Symbol> byPlace =
        Comparator.comparing(GraphAnalysis.Symbol::path)
            .thenComparingInt(GraphAnalysis.Symbol::line);
    edges.sort(
        Comparator.comparingInt(SymbolEdge::depth)
            .thenComparing(up ? SymbolEdge::from : SymbolEdge::to, byPlace)
            .thenComparing(up ? SymbolEdge::to : SymbolEdge::from, byPlace));
    return edges;
  }

  private boolean keep(int symbol, Filter filter, PathGlob glob) {
    return (filter.kinds().isEmpty() || filter.kinds().contains(g.symKind[symbol]))
        && glob.matches(g.paths[g.symFile[symbol]]);
  }

  /** File-graph edges out of (down) or into (up) a file, to {@code depth} steps. */
  public List<FileLink> files(String path, int depth, Filter filter, boolean up) {
    int start = g.requireFile(path);
    PathGlob glob = PathGlob.of(filter.pathGlob());
    Adjacency adjacency = up ? g.in : g.out;
    boolean[] seen = new boolean[g.fileCount()];
    seen[start] = true;
    List<FileLink> links = new ArrayList<>();
    int[] frontier = {start};
    for (int level = 1; level <= depth && frontier.length > 0; level++) {
      IntList next = new IntList(16);
      for (int node : frontier) {
        for (int e = adjacency.start[node]; e < adjacency.start[node + 1]; e++) {
          int other = adjacency.other[e];
          if (glob.matches(g.paths[other]) && links.size() < MAX_EDGES) {
            String a = g.paths[up ? other : node];
            String b = g.paths[up ? node : other];
            links.add(new FileLink(a, b, level, adjacency.imports[e], adjacency.refs[e]));
          }
          if (!seen[other]) {
            seen[other] = true;
            next.add(other);
          }
        }
      }
      frontier = next.toArray();
    }
    return links;
  }

  /** A shortest path between two files or two symbols; empty lists when none within reach. */
  public GraphPath path(String from, String to, int maxLength) {
    boolean fromFile = g.file(from) >= 0;
    boolean toFile = g.file(to) >= 0;
    if (fromFile && toFile) {
      int a = g.file(from);
      int b = g.file(to);
      int[] forward = filePath(a, b, maxLength);
      if (forward.length > 0) {
        return new GraphPath(names(forward), List.of(), false);
      }
      return new GraphPath(names(filePath(b, a, maxLength)), List.of(), true);
    }
    if (fromFile != toFile && g.definitions(fromFile ? from : to).length == 0) {
      throw new IllegalArgumentException(
          "from and to must both be files or both be symbols; '"
              + (fromFile ? from : to)
              + "' is a file");
    }
    int[] sources = g.withMembers(g.requireDefinitions(from));
    int[] targets = g.withMembers(g.requireDefinitions(to));
    int[] forward = symbolPath(sources, targets, maxLength);
    boolean reversed = forward.length == 0;
    int[] found = reversed ? symbolPath(targets, sources, maxLength) : forward;
    return new GraphPath(
        List.of(), Arrays.stream(found).mapToObj(g::symbol).toList(), reversed && found.length > 0);
  }

  private List<String> names(int[] files) {
    return Arrays.stream(files).mapToObj(f -> g.paths[f]).toList();
  }

  private int[] filePath(int a, int b, int maxLength) {
    int[] parent = new int[g.fileCount()];
    Arrays.fill(parent, -2);
    parent[a] = -1;
    int[] frontier = {a};
    for (int level = 1; level <= maxLength && frontier.length > 0; level++) {
      IntList next = new IntList(16);
      for (int node : frontier) {
        for (int e = g.out.start[node]; e < g.out.start[node + 1]; e++) {
          int other = g.out.other[e];
          if (parent[other] == -2) {
            parent[other] = node;
            if (other == b) {
              return trace(parent, b);
            }
            next.add(other);
          }
        }
      }
      frontier = next.toArray();
    }
    return new int[0];
  }

  private int[] symbolPath(int[] sources, int[] targets, int maxLength) {
    int[] parent = new int[g.symbolCount()];
    Arrays.fill(parent, -2);
    boolean[] target = new boolean[g.symbolCount()];
    for (int t : targets) {
      target[t] = true;
    }
    for (int s : sources) {
      parent[s] = -1;
      if (target[s]) {
        return new int[] {s};
      }
    }
    int[] frontier = sources.clone();
    for (int level = 1; level <= maxLength && frontier.length > 0; level++) {
      IntList next = new IntList(16);
      for (int node : frontier) {
        for (int i = g.symOutStart[node]; i < g.symOutStart[node + 1]; i++) {
          int other = g.refTo[g.symOutEdges[i]];
          if (parent[other] == -2) {
            parent[other] = node;
            if (target[other]) {
              return trace(parent, other);
            }
            next.add(other);
          }
        }
      }
      frontier = next.toArray();
    }
    return new int[0];
  }

  private static int[] trace(int[] parent, int end) {
    IntList reversed = new IntList(8);
    for (int n = end; n >= 0; n = parent[n]) {
      reversed.add(n);
    }
    int[] path = new int[reversed.size()];
    for (int i = 0; i < path.length; i++) {
      path[i] = reversed.get(path.length - 1 - i);
    }
    return path;
  }
}
