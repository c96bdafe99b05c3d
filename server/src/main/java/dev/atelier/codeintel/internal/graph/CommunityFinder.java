package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.GraphAnalysis.Communities;
import dev.atelier.codeintel.GraphAnalysis.Community;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Communities of the file graph (undirected; weight: references plus imports both ways) by Louvain,
 * labelled by their shared folder, their most central file and its most referenced symbols. Files
 * without any edge are counted, not listed.
 */
public final class CommunityFinder {

  private static final int LABEL_SYMBOLS = 3;

  private CommunityFinder() {}

  /** The communities of the graph, computed once and kept with it. */
  public static Communities communities(BranchGraph g) {
    Communities cached = g.cachedCommunities();
    if (cached == null) {
      cached = compute(g);
      g.cacheCommunities(cached);
    }
    return cached;
  }

  private static Communities compute(BranchGraph g) {
    int n = g.fileCount();
    int[] start = new int[n + 1];
    for (int u = 0; u < n; u++) {
      start[u + 1] = start[u] + g.out.degree(u) + g.in.degree(u);
    }
    int[] other = new int[start[n]];
    double[] weight = new double[start[n]];
    for (int u = 0; u < n; u++) {
      int at = start[u];
      for (int e = g.out.start[u]; e < g.out.start[u + 1]; e++, at++) {
        other[at] = g.out.other[e];
        weight[at] = g.out.weight(e);
      }
      for (int e = g.in.start[u]; e < g.in.start[u + 1]; e++, at++) {
        other[at] = g.in.other[e];
        weight[at] = g.in.weight(e);
      }
    }
    Louvain.Graph graph = new Louvain.Graph(start, other, weight, new double[n]);
    int[] community = Louvain.communities(graph);
    double modularity = Louvain.modularity(graph, community);

    double[] ranks = PageRank.global(g);
    RepoMapper mapper = new RepoMapper(g);
    int count = Arrays.stream(community).max().orElse(-1) + 1;
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      members.add(new ArrayList<>());
    }
    int isolated = 0;
    for (int u = 0; u < n; u++) {
      if (start[u + 1] == start[u]) {
        isolated++;
      } else {
        members.get(community[u]).add(u);
      }
    }
    List<Community> found = new ArrayList<>();
    for (List<Integer> files : members) {
      if (files.isEmpty()) {
        continue;
      }
      files.sort(
          Comparator.<Integer>comparingDouble(f -> -ranks[f]).thenComparing(f -> g.paths[f]));
      int central = files.getFirst();
      List<String> topSymbols =
          Arrays.stream(mapper.rankedSymbols(central, ranks, LABEL_SYMBOLS))
              .mapToObj(s -> g.symName[s])
              .toList();
      List<String> paths = files.stream().map(f -> g.paths[f]).toList();
      String folder = commonFolder(paths);
      found.add(
          new Community(
              0, label(paths), folder, g.paths[central], topSymbols, paths.size(), paths));
    }
    found.sort(
        Comparator.comparingInt(Community::size).reversed().thenComparing(Community::central));
    List<Community> numbered = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Community c = found.get(i);
      numbered.add(
          new Community(
              i + 1, c.label(), c.folder(), c.central(), c.topSymbols(), c.size(), c.files()));
    }
    return new Communities(numbered, modularity, isolated);
  }

  /**
   * A cluster's name: the package (folder) most of its files are in, with how many other folders it
   * reaches into, and its size. Not its most central file or symbols: those are often an annotation
   * or a utility every package uses ({@code @GwtCompatible}, {@code checkNotNull}), which says
   * nothing about what the cluster is.
   */
  static String label(List<String> paths) {
    java.util.Map<String, Integer> byFolder = new java.util.TreeMap<>();
    for (String path : paths) {
      int cut = path.lastIndexOf('/');
      byFolder.merge(cut < 0 ? "" : path.substring(0, cut), 1, Integer::sum);
    }
    String main =
        byFolder.entrySet().stream()
            .max(
                java.util.Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> -e.getKey().length()))
            .map(java.util.Map.Entry::getKey)
            .orElse("");
    int others = byFolder.size() - 1;
    return (main.isEmpty() ? "(root)" : main)
        + (others == 0 ? "" : " +" + others + (others == 1 ? " folder" : " folders"))
        + " ("
        + paths.size()
        + (paths.size() == 1 ? " file" : " files")
        + ")";
  }

  /** The longest folder all the paths are in, without a trailing slash; "" for the root. */
  static String commonFolder(List<String> paths) {
    String first = paths.getFirst();
    int end = first.lastIndexOf('/');
    String prefix = end < 0 ? "" : first.substring(0, end);
    for (String path : paths) {
      while (!prefix.isEmpty() && !path.startsWith(prefix + "/")) {
        int cut = prefix.lastIndexOf('/');
        prefix = cut < 0 ? "" : prefix.substring(0, cut);
      }
    }
    return prefix;
  }
}
