package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.GraphAnalysis.Communities;
import dev.atelier.codeintel.GraphAnalysis.Community;
import dev.atelier.codeintel.GraphAnalysis.FileGraph;
import dev.atelier.codeintel.GraphAnalysis.GraphCluster;
import dev.atelier.codeintel.GraphAnalysis.GraphEdge;
import dev.atelier.codeintel.GraphAnalysis.GraphNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the file graph a person can take in at once: the most central files by PageRank, the
 * dependency edges among them, and the Louvain community of each, numbered as {@code
 * community_detection} numbers them.
 */
public final class FileGraphView {

  private final BranchGraph g;

  public FileGraphView(BranchGraph graph) {
    this.g = graph;
  }

  public FileGraph top(int maxFiles) {
    double[] ranks = PageRank.global(g);
    int[] files = new RepoMapper(g).topFiles(ranks, maxFiles);
    Communities communities = CommunityFinder.communities(g);
    int[] communityOf = communityOfEachFile(communities);
    int[] node = new int[g.fileCount()];
    Arrays.fill(node, -1);
    List<GraphNode> nodes = new ArrayList<>(files.length);
    Map<Integer, Integer> shownPerCluster = new TreeMap<>();
    for (int i = 0; i < files.length; i++) {
      int f = files[i];
      node[f] = i;
      nodes.add(new GraphNode(g.paths[f], ranks[f], communityOf[f]));
      if (communityOf[f] > 0) {
        shownPerCluster.merge(communityOf[f], 1, Integer::sum);
      }
    }
    List<GraphEdge> edges = new ArrayList<>();
    for (int f : files) {
      for (int e = g.out.start[f]; e < g.out.start[f + 1]; e++) {
        int to = node[g.out.other[e]];
        if (to >= 0 && to != node[f]) {
          edges.add(new GraphEdge(node[f], to, g.out.imports[e], g.out.refs[e]));
        }
      }
    }
    List<Community> all = communities.communities();
    List<GraphCluster> clusters = new ArrayList<>();
    shownPerCluster.forEach((id, shown) -> {
      Community c = all.get(id - 1);
      clusters.add(new GraphCluster(id, c.label(), c.size(), shown));
    });
    return new FileGraph(nodes, edges, clusters, g.fileCount());
  }

  /** Each file's community id (1-based, as listed), or 0 for files without any edge. */
  private int[] communityOfEachFile(Communities communities) {
    int[] of = new int[g.fileCount()];
    for (Community c : communities.communities()) {
      for (String path : c.files()) {
        of[g.requireFile(path)] = c.id();
      }
    }
    return of;
  }
}
